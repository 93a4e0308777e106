using System.Runtime.CompilerServices;

namespace Restic.Net;

/// <summary>Validation of client input; it throws before any process starts.</summary>
internal static class Guard
{
    public static void NotNullOrEmptyNoNul(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        NoNul(value, name);
    }

    public static void NoNul(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The value must not contain a NUL character.", name);
        }
    }

    public static void Items(IReadOnlyList<string>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException("The list must not contain null or empty values.", name);
            }

            NoNul(value, name);
        }
    }

    public static void NotNegative(int? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must not be negative.");
        }
    }

    public static void Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive.");
        }
    }
}
