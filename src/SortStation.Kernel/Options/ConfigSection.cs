namespace SortStation.Kernel.Options;

/// <summary>
/// A top-level configuration section the service reads. With an <see cref="OptionsType"/> every key in it
/// must be a bindable property of that type (<see cref="ConfigSchema"/>); without one it is free-form and
/// owned by a library (Serilog), and only its top-level presence is checked.
/// </summary>
/// <param name="Name">Section name, e.g. <c>Sorting</c>.</param>
/// <param name="OptionsType">The options class bound to the section; null for a free-form section.</param>
/// <param name="LiveKeys">Free-form sections only: keys (below the section) that take effect without a restart.</param>
public sealed record ConfigSection(string Name, Type? OptionsType, IReadOnlyList<string>? LiveKeys = null);
