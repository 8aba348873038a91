using SortStation.Central.Options;

namespace SortStation.Central.Stations;

/// <summary>
/// <c>stations add / revoke</c>: the broker account (password file), the registration (database) and a broker
/// reload, in that order, each step idempotent, so running a command again finishes or repeats it harmlessly.
/// </summary>
public sealed class StationProvisioner(BrokerOptions broker, IStationStore stations, TimeProvider time, TextWriter output, TextWriter error)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Refused = 2;
    private static readonly System.Text.Json.JsonSerializerOptions ListJson = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<int> AddAsync(string stationId, bool rotate, DateTimeOffset? acceptFrom, string passwordCopy, CancellationToken cancellationToken)
    {
        if (Refuse(stationId) is { } refusal)
        {
            return refusal;
        }

        using var passwords = await MosquittoPasswordFile.OpenAsync(broker.PasswordFile, cancellationToken);
        var registered = (await stations.ReadAllAsync(cancellationToken)).FirstOrDefault(s => s.StationId == stationId);
        var hasAccount = passwords.Contains(stationId);
        var keep = hasAccount && !rotate && registered is null or { IsRevoked: false };
        string? copy = null;
        if (!keep)
        {
            // The copy first: a broker account whose password nobody has would be worse than a stray file.
            var password = MosquittoPassword.Generate();
            copy = Path.GetFullPath(passwordCopy);
            WriteSecret(copy, password);
            passwords.Set(stationId, MosquittoPassword.Hash(password));
            passwords.Save();
        }

        var row = await stations.AddAsync(stationId, time.GetUtcNow(), acceptFrom, cancellationToken);
        var what = (keep, hasAccount, registered) switch
        {
            (true, _, null) => "existing broker account adopted, password unchanged",
            (true, _, _) => "already provisioned, nothing changed",
            (false, true, _) => "new password issued (the old one no longer works)",
            _ => "broker account created",
        };
        await output.WriteLineAsync($"{stationId}: registered {row.RegisteredAt:u}, weighings accepted from {row.AcceptFrom:u}; {what}.");
        var reloaded = keep || await ReloadAsync();
        foreach (var line in StationSnippet.InstallSteps(stationId, copy, broker))
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync(StationSnippet.Json(stationId, broker));
        return reloaded ? Ok : Failed;
    }

    public async Task<int> RevokeAsync(string stationId, CancellationToken cancellationToken)
    {
        if (Refuse(stationId) is { } refusal)
        {
            return refusal;
        }

        using var passwords = await MosquittoPasswordFile.OpenAsync(broker.PasswordFile, cancellationToken);
        var removed = passwords.Remove(stationId);
        if (removed)
        {
            passwords.Save();
        }

        var revoked = await stations.RevokeAsync(stationId, time.GetUtcNow(), cancellationToken);
        if (!removed && !revoked)
        {
            await output.WriteLineAsync($"{stationId}: no broker account and no active registration; nothing to revoke.");
            return Ok;
        }

        await output.WriteLineAsync($"{stationId}: {(removed ? "broker account removed" : "had no broker account")}; {(revoked ? "registration revoked (central rejects its weighings)" : "was not registered")}.");
        return await ReloadAsync() ? Ok : Failed;
    }

    public async Task<int> ListAsync(bool json, CancellationToken cancellationToken)
    {
        var accounts = MosquittoPasswordFile.ReadUsers(broker.PasswordFile);
        var rows = (await stations.ReadAllAsync(cancellationToken))
            .Select(s => new StationListing(s.StationId, s.RegisteredAt, s.AcceptFrom, s.RevokedAt, accounts?.Contains(s.StationId)))
            .ToList();
        if (json)
        {
            await output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(rows, ListJson));
            return Ok;
        }

        await output.WriteLineAsync($"{"station",-24} {"registered",-20} {"accepted from",-20} {"revoked",-20} broker account");
        foreach (var r in rows)
        {
            var account = r.BrokerAccount switch { true => "yes", false => "no", null => "? (run with sudo)" };
            await output.WriteLineAsync($"{Ingest.PrintableText.Escape(r.StationId),-24} {r.RegisteredAt,-20:u} {r.AcceptFrom,-20:u} {(r.RevokedAt is { } at ? at.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "-"),-20} {account}");
        }

        return Ok;
    }

    private int? Refuse(string stationId)
    {
        var problem = StationId.Problem(stationId)
            ?? (MosquittoAcl.Load(broker.AclFile).Accounts.Contains(stationId) ? $"\"{stationId}\" has its own user block in {broker.AclFile}: it is another account (central), not a station" : null);
        if (problem is null)
        {
            return null;
        }

        error.WriteLine($"Refused: {Ingest.PrintableText.Escape(stationId)}: {problem}.");
        return Refused;
    }

    private async Task<bool> ReloadAsync()
    {
        var (inForce, message) = BrokerReload.Signal(broker.PidFile);
        await (inForce ? output : error).WriteLineAsync(message);
        return inForce;
    }

    private static void WriteSecret(string path, string secret)
    {
        File.Delete(path); // UnixCreateMode applies only to a new file
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(secret + "\n");
    }
}
