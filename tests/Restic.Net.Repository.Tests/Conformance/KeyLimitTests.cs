using System.Security.Cryptography;
using System.Text;
using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// A key file's scrypt parameters are checked against the reader's memory and work limits before any derivation,
/// and a derivation under way honours cancellation: a planted key file can neither hang nor exhaust the process
/// that opens the repository.
/// </summary>
public abstract class KeyLimitTests<TRepository>(TRepository repository) : IClassFixture<TRepository>, IDisposable
    where TRepository : ConformanceRepository
{
    // Far above what any refusal or cancellation takes; only a derivation that runs on reaches it.
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _folder = new("restic-net-keys-");

    [Theory]
    [InlineData(1L << 22, 2L, 1L << 22)] // passed the old memory bound, then never ended
    [InlineData(2L, 1L, 1L << 23)] // 30 s and 2 GiB before
    [InlineData(1L << 20, 8L, 1L)] // 1 GiB
    public async Task A_key_file_that_asks_for_too_much_is_refused_before_any_work(long n, long r, long p)
    {
        var copy = CopyWithOnlyKey(n, r, p, out var keyName);
        var error = await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => OpenAsync(copy).WaitAsync(Watchdog));
        Assert.Equal("keys/" + keyName, error.FileName);
        Assert.Contains("MaxKeyDerivation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_derivation_under_way_is_abandoned_when_the_token_is_cancelled()
    {
        // Within the default limits, and several seconds of work: N=2^15, r=8 as restic's keys, p = 60.
        var copy = CopyWithOnlyKey(1L << 15, 8, 60, out _);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OpenAsync(copy, cancellationToken: cancellation.Token).WaitAsync(Watchdog));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"cancelled after {clock.Elapsed}, the derivation takes some 6 s");

        // The limit is the caller's: lowered, the same key is refused at once.
        var lowered = new ResticRepositoryReaderOptions { MaxKeyDerivationWork = 1L << 20 };
        await Assert.ThrowsAsync<ResticRepositoryIntegrityException>(() => OpenAsync(copy, lowered).WaitAsync(Watchdog));
    }

    [Fact]
    public async Task The_repositorys_own_key_opens_within_the_default_limits()
    {
        await using var reader = await OpenAsync(repository.Repository);
        Assert.Equal(repository.FormatVersion, reader.Config.Version);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>A copy whose only key file is a key with these parameters (its data no password opens).</summary>
    private string CopyWithOnlyKey(long n, long r, long p, out string keyName)
    {
        var copy = repository.CopyTo(_folder.Combine("copy-" + Guid.NewGuid().ToString("N")[..8]));
        foreach (var key in Directory.EnumerateFiles(Path.Combine(copy, "keys")))
        {
            File.Delete(key);
        }

        var json = $$"""{"created":"2026-01-01T00:00:00Z","username":"mallory","hostname":"h","kdf":"scrypt","N":{{n}},"r":{{r}},"p":{{p}},"salt":"{{Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))}}","data":"{{Convert.ToBase64String(RandomNumberGenerator.GetBytes(112))}}"}""";
        var content = Encoding.UTF8.GetBytes(json);
        keyName = Convert.ToHexStringLower(SHA256.HashData(content));
        File.WriteAllBytes(Path.Combine(copy, "keys", keyName), content);
        return copy;
    }

    private Task<ResticRepositoryReader> OpenAsync(string copy, ResticRepositoryReaderOptions? options = null, CancellationToken cancellationToken = default) =>
        ResticRepositoryReader.OpenAsync(new LocalRepository(copy), repository.Password, options, cancellationToken);
}

public sealed class FormatVersion1KeyLimitTests(FormatVersion1Repository repository) : KeyLimitTests<FormatVersion1Repository>(repository);

public sealed class FormatVersion2KeyLimitTests(FormatVersion2Repository repository) : KeyLimitTests<FormatVersion2Repository>(repository);
