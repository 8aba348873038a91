namespace SortStation.Kernel.Hosting;

/// <summary>Process exit codes of both services and their commands (also documented in the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run finished but something was wrong (an unreadable image, a record not delivered, a start that failed).</summary>
    public const int Failed = 1;

    /// <summary>The configuration is invalid; nothing was started and no gate was energised.</summary>
    public const int ConfigError = 2;
}
