using System.Reflection;
using BenchmarkDotNet.Attributes;
using Restic.Net.Benchmarks;

namespace Restic.Net.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark method once, on small inputs, so that the suite cannot rot: a benchmark
/// that throws, returns nothing, or disagrees with its baseline fails CI. Measures nothing.
/// </summary>
public class BenchmarkSmokeTests
{
    public static TheoryData<string> BenchmarkClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(ISmokeTestable).Assembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && BenchmarkMethods(t).Length > 0))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void EveryBenchmarkClassIsCovered() =>
        Assert.True(BenchmarkClasses().Count >= 6);

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public async Task EveryBenchmarkMethod_RunsOnceAndAgreesWithTheBaseline(string typeName)
    {
        var type = typeof(ISmokeTestable).Assembly.GetType(typeName, throwOnError: true)!;
        var instance = Activator.CreateInstance(type)!;
        (instance as ISmokeTestable)?.UseSmallInputs();
        await InvokeAll<GlobalSetupAttribute>(type, instance);

        var results = new Dictionary<string, object?>();
        foreach (var method in BenchmarkMethods(type))
        {
            var result = await InvokeAsync(method, instance);
            Assert.True(result is not null && !result.Equals(Activator.CreateInstance(result.GetType())), $"{type.Name}.{method.Name} returned {result ?? "null"}");
            Assert.False(result is int and < 0, $"{type.Name}.{method.Name} returned {result}");
            results[method.Name] = result;
        }

        // A production method and its naive baseline see the same input: they must count the same.
        var baseline = BenchmarkMethods(type).SingleOrDefault(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
        if (baseline is not null)
        {
            foreach (var (name, result) in results)
            {
                Assert.Equal(results[baseline.Name], result);
            }
        }

        await InvokeAll<GlobalCleanupAttribute>(type, instance);
    }

    private static MethodInfo[] BenchmarkMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToArray();

    private static async Task InvokeAll<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            await InvokeAsync(method, instance);
        }
    }

    private static async Task<object?> InvokeAsync(MethodInfo method, object instance)
    {
        var result = method.Invoke(instance, null);
        if (result is Task task)
        {
            await task;
            return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
        }

        return result;
    }
}
