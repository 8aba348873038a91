namespace SortStation.Kernel.Options;

/// <summary>
/// The key, and every key under it, takes effect without a restart: the code reads it per use
/// (<c>IOptionsMonitor.CurrentValue</c>) or watches it. The one source of truth for the reload log
/// (<c>applied live</c> / <c>after a restart</c>) and the README's list of live keys; a property
/// without it is read once at start.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class AppliedLiveAttribute : Attribute;
