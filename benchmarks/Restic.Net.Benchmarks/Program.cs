using BenchmarkDotNet.Running;

// Parsing benchmarks:  dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- --filter '*' --job short
// Back-pressure harness: dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- backpressure [runs] [megabytes]
if (args is ["backpressure", ..])
{
    return await BackPressureHarness.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
