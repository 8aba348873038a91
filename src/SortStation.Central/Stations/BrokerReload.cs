using System.Diagnostics;
using System.Globalization;

namespace SortStation.Central.Stations;

/// <summary>
/// Makes mosquitto re-read its password file and ACL: SIGHUP to the process in its pid file (what
/// <c>systemctl reload mosquitto</c> does on Debian). mosquitto then also disconnects clients whose user was removed.
/// </summary>
public static class BrokerReload
{
    /// <summary>Whether the change is in force, and what to tell the technician.</summary>
    public static (bool InForce, string Message) Signal(string? pidFile)
    {
        if (string.IsNullOrWhiteSpace(pidFile))
        {
            return (false, "Broker not reloaded: Broker:PidFile is empty. Reload it yourself: sudo systemctl reload mosquitto");
        }

        if (!File.Exists(pidFile))
        {
            return (true, $"Broker not running ({pidFile} does not exist): it reads the new credentials when it starts.");
        }

        var text = File.ReadAllText(pidFile).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsMosquitto(pid))
        {
            return (false, $"Broker not reloaded: {pidFile} does not name a running mosquitto. Reload it yourself: sudo systemctl reload mosquitto");
        }

        // .NET has no API to send a signal other than SIGKILL; kill(1) takes only the pid, never a secret.
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-HUP", pid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        var error = kill.StandardError.ReadToEnd().Trim();
        kill.WaitForExit();
        return kill.ExitCode == 0
            ? (true, $"Broker reloaded (SIGHUP to mosquitto {pid}): the change is in force.")
            : (false, $"Broker not reloaded: could not signal mosquitto {pid} ({error}). Run the command with sudo, or: sudo systemctl reload mosquitto");
    }

    private static bool IsMosquitto(int pid)
    {
        var comm = $"/proc/{pid}/comm";
        return File.Exists(comm) && File.ReadAllText(comm).Trim() == "mosquitto";
    }
}
