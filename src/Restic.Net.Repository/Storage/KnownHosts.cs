using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Restic.Net.Repository.Storage;

/// <summary>
/// OpenSSH's known-hosts files, read as ssh reads them for one host: plain and hashed (<c>|1|salt|hash</c>) host
/// names, <c>[host]:port</c> for a port other than 22, comma-separated patterns with <c>*</c>, <c>?</c> and negation,
/// and <c>@revoked</c> keys. <c>@cert-authority</c> lines are skipped: the reader trusts keys, not certificates.
/// </summary>
internal static class KnownHosts
{
    /// <summary>What the files say about a host key.</summary>
    public enum Verdict
    {
        /// <summary>No entry names the host.</summary>
        Unknown,

        /// <summary>An entry names the host with this key.</summary>
        Known,

        /// <summary>Entries name the host, none with this key: a changed key, or another server.</summary>
        Changed,

        /// <summary>The key is marked <c>@revoked</c>.</summary>
        Revoked,
    }

    /// <summary>The user's file when the repository names none, <c>~/.ssh/known_hosts</c>.</summary>
    public static string UserFile => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");

    /// <summary>The system-wide file ssh reads after the user's.</summary>
    public const string GlobalFile = "/etc/ssh/ssh_known_hosts";

    /// <summary>The name ssh looks up and writes for a host: the host itself on port 22, else <c>[host]:port</c>.</summary>
    public static string NameOf(string host, int port) =>
        port == 22 ? host : $"[{host}]:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The key types (<c>ssh-ed25519</c>, <c>ssh-rsa</c>, ...) the files know for a host, so that only those are negotiated, as ssh does.</summary>
    public static HashSet<string> KnownTypes(IEnumerable<string> files, string name)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries(files).Where(entry => entry.Marker is null && Matches(entry.Hosts, name)))
        {
            types.Add(entry.Type);
        }

        return types;
    }

    /// <summary>Checks a host key (its SSH wire encoding, as the files hold it in base64) against the files.</summary>
    public static Verdict Check(IEnumerable<string> files, string name, byte[] key)
    {
        var named = false;
        var known = false;
        foreach (var entry in Entries(files).Where(entry => Matches(entry.Hosts, name)))
        {
            var same = CryptographicOperations.FixedTimeEquals(entry.Key, key);
            if (entry.Marker == "@revoked" && same)
            {
                return Verdict.Revoked;
            }

            if (entry.Marker is null)
            {
                named = true;
                known |= same;
            }
        }

        return known ? Verdict.Known : named ? Verdict.Changed : Verdict.Unknown;
    }

    /// <summary>Appends a plain entry, as ssh's <c>StrictHostKeyChecking=accept-new</c> does; false when the file cannot be written.</summary>
    public static bool TryAdd(string file, string name, byte[] key)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            // A file that does not end its last line gets one first, so that the entry starts a line of its own.
            var separator = File.Exists(file) && new FileInfo(file).Length > 0 && !EndsWithNewLine(file) ? "\n" : string.Empty;
            File.AppendAllText(file, $"{separator}{name} {TypeOf(key)} {Convert.ToBase64String(key)}\n");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The key type named at the start of a key's wire encoding (<c>ssh-ed25519</c>).</summary>
    public static string TypeOf(byte[] key)
    {
        if (key.Length < 4)
        {
            return string.Empty;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(key);
        return length <= (uint)(key.Length - 4) ? Encoding.ASCII.GetString(key, 4, (int)length) : string.Empty;
    }

    private static bool EndsWithNewLine(string file)
    {
        using var stream = File.OpenRead(file);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private static IEnumerable<Entry> Entries(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // As ssh: a missing or unreadable file knows no host.
                continue;
            }

            foreach (var line in lines)
            {
                if (Parse(line) is { } entry)
                {
                    yield return entry;
                }
            }
        }
    }

    private static Entry? Parse(string line)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields[0].StartsWith('#'))
        {
            return null;
        }

        var marker = fields[0].StartsWith('@') ? fields[0] : null;
        var at = marker is null ? 0 : 1;
        if (fields.Length < at + 3 || marker is not (null or "@revoked"))
        {
            return null;
        }

        try
        {
            return new Entry(marker, fields[at], fields[at + 1], Convert.FromBase64String(fields[at + 2]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether a host field names the host: a hashed name, or patterns of which one matches and none negated matches.</summary>
    private static bool Matches(string hosts, string name)
    {
        if (hosts.StartsWith("|1|", StringComparison.Ordinal))
        {
            var parts = hosts.Split('|');
            if (parts.Length != 4)
            {
                return false;
            }

            try
            {
                var salt = Convert.FromBase64String(parts[2]);
                var hash = Convert.FromBase64String(parts[3]);

                // ssh's hashed names: HMAC-SHA1 of the name, keyed with the entry's salt. The format fixes the
                // algorithm, and it only hides names from a reader of the file; it protects no secret here.
#pragma warning disable CA5350
                return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name)), hash);
#pragma warning restore CA5350
            }
            catch (FormatException)
            {
                return false;
            }
        }

        var matched = false;
        foreach (var pattern in hosts.Split(','))
        {
            if (pattern.StartsWith('!'))
            {
                if (Glob(pattern[1..], name))
                {
                    return false;
                }
            }
            else
            {
                matched |= Glob(pattern, name);
            }
        }

        return matched;
    }

    /// <summary>ssh's host patterns: <c>*</c> any run of characters, <c>?</c> one; case-insensitive like host names.</summary>
    private static bool Glob(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(name[n])))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private sealed record Entry(string? Marker, string Hosts, string Type, byte[] Key);
}
