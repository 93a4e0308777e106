// fake-restic: impersonates the restic CLI for the process tests, scripted by environment variables.
//
//   version ...                     prints FAKE_RESTIC_VERSION_LINE (default: a restic 0.18.0 line), exits 0;
//                                   appends a line to FAKE_RESTIC_VERSION_RECORD when it is set.
//   list locks / unlock / cat lock  the client's lock housekeeping: prints nothing (no locks), exits 0.
//   anything else:
//     FAKE_RESTIC_RECORD            file to append one JSON line to: {"pid":..,"argv":[..],"env":{..}}
//     FAKE_RESTIC_STDOUT            file whose lines are replayed to stdout
//     FAKE_RESTIC_STDERR            file whose lines are replayed to stderr (interleaved by relative position)
//     FAKE_RESTIC_DELAY_MS          pause between two replayed lines (default 0)
//     FAKE_RESTIC_HANG=1            after the replay, wait until SIGINT (at most FAKE_RESTIC_HANG_MAX_MS, default 120000)
//     FAKE_RESTIC_EXIT              exit code (default 0)
//   on SIGINT:
//     FAKE_RESTIC_SIGNAL_FILE       file to append "sigint" to (also when SIGINT is ignored)
//     FAKE_RESTIC_IGNORE_SIGINT=1   keep running (the client must kill it after its ShutdownTimeout)
//     otherwise                     print restic's interrupt notice to stderr, then, if FAKE_RESTIC_SIGINT_MESSAGE
//                                   is set, an exit_error line with it, and exit with FAKE_RESTIC_SIGINT_EXIT (default 130)
//
// Dependency-free on purpose: only the shared framework.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

using var stdout = Console.OpenStandardOutput();
using var stderr = Console.OpenStandardError();

if (args.Length > 0 && args[0] == "version")
{
    if (Env("FAKE_RESTIC_VERSION_RECORD") is { } versionRecord)
    {
        File.AppendAllText(versionRecord, "version\n");
    }

    WriteLine(stdout, Env("FAKE_RESTIC_VERSION_LINE") ?? "restic 0.18.0 compiled with go1.24.4 on linux/amd64");
    return 0;
}

if (args.Length > 1 && (args[0], args[1]) is ("list", "locks") or ("cat", "lock") || args is ["unlock", ..])
{
    return 0;
}

var ignoreSigint = Env("FAKE_RESTIC_IGNORE_SIGINT") == "1";

// Like restic (Go's signal.Notify), handle SIGINT even when the parent started us with it ignored
// (a background job of a shell without job control); .NET would otherwise keep ignoring it.
if (!OperatingSystem.IsWindows())
{
    _ = NativeMethods.Signal(2 /* SIGINT */, 0 /* SIG_DFL */);
}

using var interrupted = new CancellationTokenSource();
using var registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    if (Env("FAKE_RESTIC_SIGNAL_FILE") is { } signalFile)
    {
        File.AppendAllText(signalFile, "sigint\n");
    }

    if (!ignoreSigint)
    {
        interrupted.Cancel();
    }
});

if (Env("FAKE_RESTIC_RECORD") is { } recordFile)
{
    File.AppendAllText(recordFile, Record(args) + "\n");
}

var delay = TimeSpan.FromMilliseconds(IntEnv("FAKE_RESTIC_DELAY_MS", 0));
var script = Interleave(ReadLines(Env("FAKE_RESTIC_STDOUT")), ReadLines(Env("FAKE_RESTIC_STDERR")));
for (var i = 0; i < script.Count && !interrupted.IsCancellationRequested; i++)
{
    if (i > 0 && delay > TimeSpan.Zero)
    {
        interrupted.Token.WaitHandle.WaitOne(delay);
        if (interrupted.IsCancellationRequested)
        {
            break;
        }
    }

    WriteLine(script[i].IsError ? stderr : stdout, script[i].Line);
}

if (Env("FAKE_RESTIC_HANG") == "1" && !interrupted.IsCancellationRequested)
{
    // Bounded, so that a fake orphaned by a crashed test run does not live forever.
    interrupted.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(IntEnv("FAKE_RESTIC_HANG_MAX_MS", 120_000)));
}

if (interrupted.IsCancellationRequested)
{
    var code = IntEnv("FAKE_RESTIC_SIGINT_EXIT", 130);
    WriteLine(stderr, "\u001b[2Ksignal interrupt received, cleaning up");
    if (Env("FAKE_RESTIC_SIGINT_MESSAGE") is { } message)
    {
        WriteLine(stderr, ExitError(code, message));
    }

    return code;
}

return IntEnv("FAKE_RESTIC_EXIT", 0);

static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

static int IntEnv(string name, int fallback) =>
    Env(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

static List<string> ReadLines(string? path) => path is null ? [] : [.. File.ReadAllLines(path)];

// Spreads the stderr lines among the stdout lines by relative position (stdout first on ties),
// so that, as with restic, errors appear while the status lines are printed.
static List<(bool IsError, string Line)> Interleave(List<string> outLines, List<string> errLines)
{
    var keyed = new List<(double Key, bool IsError, string Line)>(outLines.Count + errLines.Count);
    for (var i = 0; i < outLines.Count; i++)
    {
        keyed.Add(((double)i / outLines.Count, false, outLines[i]));
    }

    for (var j = 0; j < errLines.Count; j++)
    {
        keyed.Add(((j + 1.0) / (errLines.Count + 1), true, errLines[j]));
    }

    return [.. keyed.OrderBy(k => k.Key).ThenBy(k => k.IsError).Select(k => (k.IsError, k.Line))];
}

// Unbuffered: every line reaches the pipe at once, as restic's do.
static void WriteLine(Stream target, string line)
{
    target.Write(Encoding.UTF8.GetBytes(line + "\n"));
    target.Flush();
}

static string Record(string[] argv)
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteNumber("pid", Environment.ProcessId);
        writer.WriteStartArray("argv");
        foreach (var argument in argv)
        {
            writer.WriteStringValue(argument);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("env");
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            writer.WriteString((string)entry.Key, (string?)entry.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    return Encoding.UTF8.GetString(buffer.ToArray());
}

static string ExitError(int code, string message)
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteString("message_type", "exit_error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    return Encoding.UTF8.GetString(buffer.ToArray());
}

internal static partial class NativeMethods
{
    [DllImport("libc", EntryPoint = "signal")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern nint Signal(int signal, nint handler);
}
