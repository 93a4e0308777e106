using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
