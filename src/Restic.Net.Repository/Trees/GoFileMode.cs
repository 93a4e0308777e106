namespace Restic.Net.Repository.Trees;

/// <summary>Go's <c>os.FileMode</c> as restic stores it in a node's <c>mode</c>, and its <c>String()</c>, which <c>ls</c> prints as permissions.</summary>
internal static class GoFileMode
{
    // The type and special bits from the top (bit 31) down, with Go's letters.
    private const string TypeLetters = "dalTLDpSugct?";
    private const string Permissions = "rwxrwxrwx";

    public static string ToPermissionString(uint mode)
    {
        Span<char> text = stackalloc char[TypeLetters.Length + Permissions.Length];
        var length = 0;
        for (var i = 0; i < TypeLetters.Length; i++)
        {
            if ((mode & (1u << (31 - i))) != 0)
            {
                text[length++] = TypeLetters[i];
            }
        }

        if (length == 0)
        {
            text[length++] = '-';
        }

        for (var i = 0; i < Permissions.Length; i++)
        {
            text[length++] = (mode & (1u << (8 - i))) != 0 ? Permissions[i] : '-';
        }

        return new string(text[..length]);
    }
}
