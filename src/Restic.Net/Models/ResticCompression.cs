namespace Restic.Net;

/// <summary>
/// How restic compresses what it writes (<c>--compression</c>, repository format version 2); an extensible
/// enum over restic's value.
/// </summary>
public readonly record struct ResticCompression
{
    /// <summary>Creates a compression mode from restic's value.</summary>
    /// <param name="value">The value, for example <c>max</c>.</param>
    public ResticCompression(string value) => Value = value ?? string.Empty;

    /// <summary>restic's default: fast compression.</summary>
    public static ResticCompression Auto { get; } = new("auto");

    /// <summary>No compression.</summary>
    public static ResticCompression Off { get; } = new("off");

    /// <summary>Faster than <see cref="Auto"/>, larger output (restic 0.19+).</summary>
    public static ResticCompression Fastest { get; } = new("fastest");

    /// <summary>Between <see cref="Auto"/> and <see cref="Max"/> (restic 0.19+).</summary>
    public static ResticCompression Better { get; } = new("better");

    /// <summary>The smallest output, the most CPU time.</summary>
    public static ResticCompression Max { get; } = new("max");

    /// <summary>restic's value.</summary>
    public string Value { get => field ?? string.Empty; }

    /// <summary>Whether the mode exists only from restic 0.19 (<see cref="Fastest"/>, <see cref="Better"/>).</summary>
    internal bool NeedsLevels => Value is "fastest" or "better";

    /// <summary>Whether restic knows the value: exactly as restic spells it, lower case.</summary>
    internal bool IsKnown => Value is "auto" or "off" or "fastest" or "better" or "max";

    /// <summary>Converts restic's value to a compression mode.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ResticCompression(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
