namespace SortStation.Operations.Tests.Support;

/// <summary>A fact reported as skipped, with the reason, where systemd-analyze is not installed.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (SystemdAnalyze.Path is null)
        {
            Skip = "systemd-analyze not found on PATH: install it with 'apt-get install -y systemd' to check the unit files.";
        }
    }
}
