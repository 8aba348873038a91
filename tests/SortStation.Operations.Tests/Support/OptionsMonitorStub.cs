using Microsoft.Extensions.Options;

namespace SortStation.Operations.Tests.Support;

/// <summary>An options monitor with a fixed value.</summary>
public sealed class OptionsMonitorStub<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
