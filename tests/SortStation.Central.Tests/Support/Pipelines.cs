using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Central.Ingest;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Central.Storage;

namespace SortStation.Central.Tests.Support;

/// <summary>An ingest pipeline as the host composes it, over a given store and stations table.</summary>
public static class Pipelines
{
    public static IngestPipeline Create(IWeighingStore store, IStationStore? stations = null, CentralOptions? options = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var registry = new StationRegistry(stations ?? new MemoryStationStore(), time);
        var validator = new WeighingValidator(time, options ?? new CentralOptions(), "sortstation", registry);
        return new IngestPipeline(store, validator, registry, new MalformedLog(time, NullLogger<MalformedLog>.Instance));
    }
}
