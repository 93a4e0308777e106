using System.Collections;

namespace Restic.Net;

/// <summary>Builds the lists record properties store.</summary>
internal static class ValueList
{
    /// <summary>An immutable copy of <paramref name="items"/> that compares by its items.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null: an empty list says "none".</exception>
    public static ValueList<T> Of<T>(IReadOnlyList<T>? items, string property) =>
        ValueList<T>.Of(items) ?? throw new ArgumentNullException(property, property + " cannot be null; use an empty list.");
}

/// <summary>
/// The list every result and options record stores: an immutable copy that compares by its items,
/// so that two records with the same lists are equal (a record compares its properties with
/// <see cref="object.Equals(object)"/>, which for a plain array or list is reference equality).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    /// <summary>The empty list, shared.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    /// <summary>A copy of <paramref name="items"/> (null stays null, for the record's validation to report); a <see cref="ValueList{T}"/> is kept as is.</summary>
    public static ValueList<T>? Of(IReadOnlyList<T>? items) => items switch
    {
        null => null,
        ValueList<T> list => list,
        { Count: 0 } => Empty,
        _ => new ValueList<T>([.. items]),
    };

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The items in brackets, as a record prints them: <c>[a, b]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
