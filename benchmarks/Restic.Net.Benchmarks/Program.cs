using System.Runtime.CompilerServices;
using BenchmarkDotNet.Running;

// Parsing benchmarks:    dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- --filter '*' --job short
// Back-pressure harness: dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- backpressure [runs] [megabytes]
// End-to-end harness:    eng/benchmark-e2e.sh (the e2e mode; it launches the list mode once per sample)
// Native reads harness:  eng/benchmark-native.sh (the native mode: Restic.Net.Repository against the restic CLI)
// Whole processes:      eng/benchmark-whole-process.sh (the whole mode; it launches the read mode: one native read per process)
// Web API load:          eng/benchmark-webapi.sh (the http mode: GET /snapshots of the web API sample)
// Web console:           eng/benchmark-console.sh (the console mode: folders of the 200k snapshot in headless Chromium)
return args switch
{
    ["list", ..] => await ListProcess.RunAsync(args),
    ["e2e", ..] => await EndToEndHarness.RunAsync(args),
    ["backpressure", ..] => await BackPressureHarness.RunAsync(args),
    ["native", ..] => await NativeReadsHarness.RunAsync(args),
    ["http", ..] => await HttpLoad.RunAsync(args),
    ["whole", ..] => await WholeProcessHarness.RunAsync(args),
    ["read", ..] => await ReadProcess.RunAsync(args),
    ["console", ..] => await ConsoleHarness.RunAsync(args),
    _ => RunBenchmarks(args),
};

// Kept out of the top-level code: the list mode measures start-up, and must not load BenchmarkDotNet.
[MethodImpl(MethodImplOptions.NoInlining)]
static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
