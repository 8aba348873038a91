using SortStation.Core.Units;

namespace SortStation.Simulation;

/// <summary>What is really on the belt: its true label, the photo that shows it (if any) and its true weight.</summary>
public sealed record ConveyorItem(long Sequence, string TrueLabel, string? ImagePath, Mass Weight);
