using SortStation.Core.Classification;
using SortStation.Core.Devices;

namespace SortStation.Core.Pipeline;

/// <summary>The devices an item meets on its way: camera, classifier and scale.</summary>
public sealed record PipelineDevices(ICamera Camera, IClassifier Classifier, IScale Scale);
