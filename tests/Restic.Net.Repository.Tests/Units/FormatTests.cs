using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Restic.Net.Repository.Crypto;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository.Tests.Units;

/// <summary>The pieces of the format that need no repository: Go's mode strings and quoting, scrypt, ids.</summary>
[Trait("Restic", "None")]
public sealed class FormatTests
{
    [Theory]
    [InlineData(0x1A4u, "-rw-r--r--")]
    [InlineData(0x800001EDu, "drwxr-xr-x")]
    [InlineData(0x080001FFu, "Lrwxrwxrwx")]
    [InlineData(0x008001EDu, "urwxr-xr-x")]
    [InlineData(0x801001FFu, "dtrwxrwxrwx")]
    [InlineData(0x020001A4u, "prw-r--r--")]
    [InlineData(0x042001B0u, "Dcrw-rw----")]
    [InlineData(0x01000000u, "S---------")]
    [InlineData(0x00400000u, "g---------")]
    public void Permissions_are_Gos_FileMode_String(uint mode, string expected) =>
        Assert.Equal(expected, GoFileMode.ToPermissionString(mode));

    [Theory]
    [InlineData("plain.txt", "plain.txt")]
    [InlineData("quote\\\"and\\\\backslash", "quote\"and\\backslash")]
    [InlineData("tab\\there", "tab\there")]
    [InlineData("soft\\u00adhyphen", "soft\u00adhyphen")]
    [InlineData("astral\\U0001f600", "astral😀")]
    [InlineData("ünïcödé-😀", "ünïcödé-😀")]
    [InlineData("latin1-\\xe9", "latin1-\uFFFD")]
    [InlineData("trunc4-\\xf0\\x9f\\x98.txt", "trunc4-\uFFFD\uFFFD\uFFFD.txt")] // Go: one U+FFFD per byte (.NET's decoder: one for all three)
    [InlineData("trunc3-\\xe2\\x82", "trunc3-\uFFFD\uFFFD")]
    [InlineData("surrogate-\\xed\\xa0\\x80", "surrogate-\uFFFD\uFFFD\uFFFD")]
    [InlineData("overlong-\\xc0\\x80", "overlong-\uFFFD\uFFFD")]
    [InlineData("mixed-\\xf0\\x9f\\x98\\xf0\\x9f\\x98\\x80", "mixed-\uFFFD\uFFFD\uFFFD😀")]
    [InlineData("collide-\\xfe", "collide-\uFFFD")]
    [InlineData("octal\\101", "octalA")]
    public void Names_are_unquoted_as_Go_does(string stored, string expected) =>
        Assert.Equal(expected, GoQuotedName.Unquote(stored));

    [Theory]
    [InlineData("bare\"quote")]
    [InlineData("dangling\\")]
    [InlineData("bad\\q")]
    [InlineData("short\\x4")]
    public void A_name_Go_cannot_unquote_is_refused(string stored) => Assert.Null(GoQuotedName.Unquote(stored));

    [Fact]
    public void Scrypt_derives_what_BouncyCastle_derives()
    {
        var password = Encoding.UTF8.GetBytes("correct horse");
        var salt = new byte[64];
        new Random(1).NextBytes(salt);
        Assert.Equal(SCrypt.Generate(password, salt, 1 << 10, 8, 3, 64), Scrypt.DeriveKey(password, salt, 1 << 10, 8, 3, 64));

        // The test vector of RFC 7914 (scrypt's specification), section 12.
        var expected = Convert.FromHexString("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        Assert.Equal(expected, Scrypt.DeriveKey(Encoding.UTF8.GetBytes("password"), Encoding.UTF8.GetBytes("NaCl"), 1024, 8, 16, 64));
        Assert.Equal(OperatingSystem.IsLinux(), Scrypt.UsesOpenSsl);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(4096 + 7)]
    [InlineData((1 << 20) + 3)]
    public void AES_CTR_from_OpenSSL_equals_BouncyCastles_also_across_a_counter_carry(int length)
    {
        var random = new Random(length);
        var key = new byte[32];
        random.NextBytes(key);
        var input = new byte[length];
        random.NextBytes(input);

        // An IV whose low 64 bits overflow after two blocks: the carry must reach the high half, as in Go's CTR.
        foreach (var iv in new[] { Convert.FromHexString("00000000000000fffffffffffffffffe"), Convert.FromHexString("ffffffffffffffffffffffffffffffff"), new byte[16] })
        {
            var openSsl = new byte[length];
            var bouncyCastle = new byte[length];
            AesCtr.Apply(key, iv, input, openSsl);
            AesCtr.Apply(key, iv, input, bouncyCastle, useOpenSsl: false);
            Assert.Equal(bouncyCastle, openSsl);
            var back = new byte[length];
            AesCtr.Apply(key, iv, openSsl, back);
            Assert.Equal(input, back);
        }

        Assert.Equal(OperatingSystem.IsLinux(), OpenSsl.HasAesCtr);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(4096 + 7)]
    [InlineData((1 << 20) + 3)]
    public void Poly1305_AES_from_OpenSSL_equals_BouncyCastles_and_a_changed_byte_changes_the_tag(int length)
    {
        var random = new Random(length);
        var key = new byte[32];
        var nonce = new byte[16];
        var message = new byte[length];
        random.NextBytes(message);
        foreach (var fill in new byte[] { 0x00, 0xff, 0x5a })
        {
            // All-ones r tests the clamping both sides must do.
            key.AsSpan().Fill(fill);
            random.NextBytes(nonce);
            var openSsl = new byte[16];
            var bouncyCastle = new byte[16];
            Poly1305Aes.Compute(key, nonce, message, openSsl);
            Poly1305Aes.Compute(key, nonce, message, bouncyCastle, useOpenSsl: false);
            Assert.Equal(bouncyCastle, openSsl);
            // (A zero r makes the tag s whatever the message: no change to see there.)
            if (length > 0 && fill != 0)
            {
                message[length / 2] ^= 1;
                Poly1305Aes.Compute(key, nonce, message, openSsl);
                Assert.NotEqual(bouncyCastle, openSsl);
                message[length / 2] ^= 1;
            }
        }

        Assert.Equal(OperatingSystem.IsLinux(), OpenSsl.HasPoly1305);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(100_000, true)]
    [InlineData(100_000, false)]
    [InlineData(3 << 20, true)]
    public void Zstd_from_the_platform_equals_ZstdSharp_for_whole_damaged_and_misfitting_input(int length, bool compressible)
    {
        var random = new Random(length);
        var data = new byte[length];
        if (compressible)
        {
            for (var i = 0; i < length; i++)
            {
                data[i] = (byte)"restic log line "[i % 16];
            }
        }
        else
        {
            random.NextBytes(data);
        }

        using var compressor = new ZstdSharp.Compressor(3);
        var frame = compressor.Wrap(data).ToArray();
        var twoFrames = frame.Concat(compressor.Wrap(data).ToArray()).ToArray();
        var flipped = (byte[])frame.Clone();
        flipped[flipped.Length / 2] ^= 0x40;
        var inputs = new[] { frame, twoFrames, frame[..^1], flipped, [] };
        foreach (var input in inputs)
        {
            foreach (var size in new[] { length, length + 1, Math.Max(0, length - 1), 2 * length })
            {
                var native = new byte[size];
                var managed = new byte[size];
                var nativeOk = Zstd.TryDecompress(input, native);
                Assert.Equal(Zstd.TryDecompress(input, managed, useNative: false), nativeOk);

                // What a failed call left in the buffer is never used (the blob is damage).
                if (nativeOk)
                {
                    Assert.Equal(managed, native);
                }
            }

            foreach (var maxSize in new[] { length, Math.Max(0, length - 1), 2 * length })
            {
                var native = Zstd.TryDecompress(input, maxSize, out var nativeProblem, out var nativeTooLarge);
                var managed = Zstd.TryDecompress(input, maxSize, out var managedProblem, out var managedTooLarge, useNative: false);
                Assert.Equal(managed?.ToArray(), native?.ToArray());
                Assert.Equal(managedProblem, nativeProblem);
                Assert.Equal(managedTooLarge, nativeTooLarge);
            }
        }

        // A whole frame decompresses to the data on both paths.
        var whole = new byte[length];
        Assert.True(Zstd.TryDecompress(frame, whole));
        Assert.Equal(data, whole);
        Assert.Equal(OperatingSystem.IsLinux(), LibZstd.IsAvailable);
    }

    [Theory]
    [InlineData(1L << 15, 8L, 7L, true)] // restic's keys
    [InlineData(1L << 15, 8L, 100L, true)]
    [InlineData(1L << 17, 8L, 1L, true)] // rustic's
    [InlineData(1L << 20, 8L, 1L, false)] // 1 GiB of memory
    [InlineData(1L << 15, 8L, 200L, false)] // 2^25 units of work and more
    [InlineData(2L, 1L, 1L << 23, false)] // cheap lanes, but 2^23 of them (30 s and 2 GiB before)
    [InlineData(1L << 22, 2L, 1L << 22, false)] // never ends
    [InlineData(3L, 8L, 1L, false)]
    [InlineData(1L << 15, 0L, 1L, false)]
    [InlineData(1L << 15, 8L, 0L, false)]
    [InlineData(1L << 40, 8L, 1L, false)]
    [InlineData(1L << 15, 1L << 40, 1L << 40, false)]
    public void Hostile_scrypt_parameters_are_refused_before_any_work(long n, long r, long p, bool valid)
    {
        var defaults = new ResticRepositoryReaderOptions();
        Assert.Equal(valid, Scrypt.Check(n, r, p, defaults.MaxKeyDerivationMemory, defaults.MaxKeyDerivationWork) is null);
    }

    [Fact]
    public void Ids_parse_hash_and_print_as_restic_writes_them()
    {
        var content = "hello\n"u8.ToArray();
        const string Hash = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        Assert.True(BlobId.TryParse(Hash, out var id));
        Assert.True(id.IsHashOf(content));
        Assert.False(id.IsHashOf("hello"u8));
        Assert.Equal(Hash, id.ToString());
        Assert.True(BlobId.TryParse(Encoding.ASCII.GetBytes(Hash), out var utf8));
        Assert.Equal(id, utf8);
        Assert.False(BlobId.TryParse(Hash.AsSpan(0, 63), out _));
        Assert.False(BlobId.TryParse(Hash[..63] + "g", out _));
    }

    [Fact]
    public void An_index_file_parses_in_any_member_order_and_refuses_what_is_not_one()
    {
        var json = """
            {"packs":[{"blobs":[{"length":47,"offset":0,"type":"data","uncompressed_length":6,"id":"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03","extra":[1,{"a":2}]}],"id":"4cdf8a879300618758e09d60f28140fcfc65681294496e7095c71dd120219335"}],"supersedes":["ed54ae36197f4745ebc4b54d10e0f623eaaaedd03013eb7ae90df881b7781452"]}
            """u8;
        var file = RepositoryIndex.IndexFile.Parse(json, out var problem);
        Assert.Null(problem);
        var index = new RepositoryIndex([]);
        index.Add(file!);
        Assert.True(BlobId.TryParse("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", out var blob));
        Assert.True(index.TryGet(blob, out var entry, out var pack));
        Assert.Equal("4cdf8a879300618758e09d60f28140fcfc65681294496e7095c71dd120219335", pack.ToString());
        Assert.Equal(new BlobEntry(0, 0, 47, 6, BlobType.Data), entry);
        Assert.Equal(6, entry.PlaintextLength);

        Assert.Null(RepositoryIndex.IndexFile.Parse("""{"packs":[{"blobs":[{"id":"xyz","type":"data","offset":0,"length":47}]}]}"""u8, out problem));
        Assert.NotNull(problem);
        Assert.Null(RepositoryIndex.IndexFile.Parse("""{"packs":[{"id":"4cdf8a879300618758e09d60f28140fcfc65681294496e7095c71dd120219335","blobs":[{"id":"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03","type":"weird","offset":0,"length":47}]}]}"""u8, out _));
        Assert.Null(RepositoryIndex.IndexFile.Parse("""{"packs":[{"id":"4cdf8a879300618758e09d60f28140fcfc65681294496e7095c71dd120219335","blobs":[{"id":"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03","type":"data","offset":-1,"length":47}]}]}"""u8, out _));
        Assert.Null(RepositoryIndex.IndexFile.Parse("[1,2]"u8, out _));
        Assert.Null(RepositoryIndex.IndexFile.Parse("{\"packs\":[{"u8, out _));
    }

    [Fact]
    public void A_master_key_refuses_wrong_MACs_and_short_input_and_is_zeroed_on_dispose()
    {
        var derived = new byte[64];
        new Random(9).NextBytes(derived);
        var key = MasterKey.FromDerived(derived);
        Assert.False(key.TryOpen(new byte[31], []));
        Assert.False(key.TryOpen(new byte[40], new byte[8]));
        var arrays = typeof(MasterKey).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Where(field => field.FieldType == typeof(byte[]))
            .Select(field => (byte[])field.GetValue(key)!)
            .ToArray();
        Assert.Equal(2, arrays.Length);
        Assert.All(arrays, bytes => Assert.Contains(bytes, b => b != 0));

        key.Dispose();
        Assert.All(arrays, bytes => Assert.All(bytes, b => Assert.Equal(0, b)));
        Assert.Throws<ObjectDisposedException>(() => key.TryOpen(new byte[40], new byte[8]));
    }

    [Fact]
    public async Task A_master_key_disposed_while_calls_are_in_flight_makes_them_throw_never_misread()
    {
        var derived = new byte[64];
        new Random(11).NextBytes(derived);
        var plaintext = new byte[1 << 20];
        new Random(12).NextBytes(plaintext);
        var sealedData = Seal(derived, plaintext);
        var key = MasterKey.FromDerived(derived);
        var opened = 0;

        // Each call either opens the whole plaintext or throws ObjectDisposedException: never a false "wrong MAC", never garbage.
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var output = new byte[plaintext.Length];
            while (true)
            {
                try
                {
                    if (!key.TryOpen(sealedData, output))
                    {
                        return "a MAC mismatch";
                    }

                    if (!output.AsSpan().SequenceEqual(plaintext))
                    {
                        return "wrong bytes";
                    }

                    Interlocked.Increment(ref opened);
                }
                catch (ObjectDisposedException)
                {
                    return "disposed";
                }
            }
        })).ToArray();
        while (Volatile.Read(ref opened) < 8)
        {
            await Task.Yield();
        }

        key.Dispose();

        Assert.All(await Task.WhenAll(callers), outcome => Assert.Equal("disposed", outcome));
    }

    // IV ‖ AES-256-CTR ‖ Poly1305-AES with the key a derivation gives: encryption 0..32, k 32..48, r 48..64.
    private static byte[] Seal(byte[] derived, byte[] plaintext)
    {
        var sealedData = new byte[MasterKey.Overhead + plaintext.Length];
        var iv = System.Security.Cryptography.RandomNumberGenerator.GetBytes(MasterKey.IvSize);
        iv.CopyTo(sealedData, 0);
        var ciphertext = sealedData.AsSpan(MasterKey.IvSize, plaintext.Length);
        AesCtr.Apply(derived.AsSpan(0, 32), iv, plaintext, ciphertext);
        var poly = new Org.BouncyCastle.Crypto.Macs.Poly1305(new Org.BouncyCastle.Crypto.Engines.AesEngine());
        poly.Init(new Org.BouncyCastle.Crypto.Parameters.ParametersWithIV(new Org.BouncyCastle.Crypto.Parameters.KeyParameter([.. derived.AsSpan(48, 16), .. derived.AsSpan(32, 16)]), iv));
        poly.BlockUpdate(ciphertext);
        poly.DoFinal(sealedData.AsSpan(MasterKey.IvSize + plaintext.Length));
        return sealedData;
    }
}
