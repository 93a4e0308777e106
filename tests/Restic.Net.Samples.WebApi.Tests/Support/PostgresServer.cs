using System.Diagnostics;
using Npgsql;
using Restic.Net.IntegrationTests.Support;

namespace Restic.Net.Samples.WebApi.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 (provisioned by eng/provision-servers.sh into .tools/postgresql) on 127.0.0.1
/// with a free port, in a temporary folder. Run as nobody when the tests run as root (postgres refuses
/// root). Trust authentication for the one user <c>restic</c>: a throwaway server on the loopback.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly string s_bin = Path.Combine(Tools.Folder, "postgresql", "usr", "lib", "postgresql", "15", "bin");
    private readonly TempDirectory _root = new("restic-net-postgres-");
    private ServerProcess? _server;
    private int _databases;

    public int Port { get; } = ServerProcess.FreePort();

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"state_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        var data = Path.Combine(_root.Path, "data");
        var sockets = Path.Combine(_root.Path, "sockets");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(sockets);
        if (Environment.IsPrivilegedProcess)
        {
            // postgres refuses to run as root: hand its folders to nobody, who must be able to reach them.
            File.SetUnixFileMode(_root.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            await RunAsync("chown", ["nobody:nogroup", data, sockets]);
        }

        await RunAsync(Unprivileged(Path.Combine(s_bin, "initdb")), [.. UnprivilegedArguments(Path.Combine(s_bin, "initdb")), "-D", data, "-U", "restic", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        _server = await ServerProcess.StartAsync(
            Unprivileged(Path.Combine(s_bin, "postgres")),
            [.. UnprivilegedArguments(Path.Combine(s_bin, "postgres")), "-D", data, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", sockets, "-h", "127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"],
            null,
            ServerProcess.TcpAccepts(Port));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            // A fast shutdown (SIGINT) so that no shared memory is left behind; killed if it hangs.
            await RunAsync("kill", ["-INT", _server.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], check: false);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!wait.IsCancellationRequested && Process.GetProcesses().Any(p => p.Id == _server.Pid))
            {
                await Task.Delay(50);
            }

            await _server.DisposeAsync();
        }

        _root.Dispose();
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=restic;Database={database};Pooling=true;Timeout=15";

    // setpriv execs the program as nobody (same pid), so killing the pid stops postgres itself.
    private static string Unprivileged(string program) => Environment.IsPrivilegedProcess ? "/usr/bin/setpriv" : program;

    private static string[] UnprivilegedArguments(string program) =>
        Environment.IsPrivilegedProcess ? ["--reuid=nobody", "--regid=nogroup", "--clear-groups", program] : [];

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool check = true)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
