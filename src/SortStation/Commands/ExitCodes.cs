namespace SortStation.Commands;

/// <summary>Process exit codes (also documented in the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run finished but something was wrong (an unreadable image, a record not delivered).</summary>
    public const int Failed = 1;

    /// <summary>The configuration is invalid; nothing was started and no gate was energised.</summary>
    public const int ConfigError = 2;
}
