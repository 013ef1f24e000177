using System.Buffers.Binary;

namespace Gateway.SmartCard;

/// <summary>
/// One BER-TLV data object (ISO/IEC 7816-4 §5.2 / X.690 subset): tags of 1 to 4 bytes, definite lengths up to
/// 4 length bytes. A tag whose first byte has bit 6 (0x20) set is constructed and holds child objects.
/// </summary>
public sealed class BerTlv : IEquatable<BerTlv>
{
    // Deep nesting is never legitimate in a card record; the limit keeps hostile input from exhausting the stack.
    private const int MaxDepth = 32;
    private readonly byte[] _value;
    private readonly BerTlv[] _children;

    private BerTlv(uint tag, byte[] value, BerTlv[] children)
    {
        Tag = tag;
        _value = value;
        _children = children;
    }

    /// <summary>The tag, its bytes as a big-endian number (e.g. <c>0xDF01</c>).</summary>
    public uint Tag { get; }

    /// <summary>True when the tag is constructed (holds children rather than a value).</summary>
    public bool IsConstructed => IsConstructedTag(Tag);

    /// <summary>The value bytes of a primitive object (empty for constructed objects).</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>The children of a constructed object (empty for primitive objects).</summary>
    public IReadOnlyList<BerTlv> Children => _children;

    /// <summary>Creates a primitive object.</summary>
    /// <param name="tag">A valid primitive tag.</param>
    /// <param name="value">The value bytes (copied).</param>
    /// <returns>The object.</returns>
    public static BerTlv Primitive(uint tag, ReadOnlySpan<byte> value)
    {
        ValidateTag(tag);
        if (IsConstructedTag(tag))
        {
            throw new ArgumentException($"Tag {tag:X} is constructed.", nameof(tag));
        }

        return new BerTlv(tag, value.ToArray(), []);
    }

    /// <summary>Creates a constructed object.</summary>
    /// <param name="tag">A valid constructed tag.</param>
    /// <param name="children">The children, in order.</param>
    /// <returns>The object.</returns>
    public static BerTlv Constructed(uint tag, IEnumerable<BerTlv> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        ValidateTag(tag);
        if (!IsConstructedTag(tag))
        {
            throw new ArgumentException($"Tag {tag:X} is primitive.", nameof(tag));
        }

        return new BerTlv(tag, [], [.. children]);
    }

    /// <summary>True when <paramref name="tag"/> is a well-formed tag number this codec can encode.</summary>
    /// <param name="tag">The tag bytes as a big-endian number.</param>
    /// <returns>Whether the tag is valid.</returns>
    public static bool IsValidTag(uint tag)
    {
        Span<byte> bytes = stackalloc byte[4];
        var n = TagBytes(tag, bytes);
        if (bytes[0] == 0x00)
        {
            return false;
        }

        if ((bytes[0] & 0x1F) != 0x1F)
        {
            return n == 1;
        }

        if (n == 1)
        {
            return false;
        }

        for (var i = 1; i < n; i++)
        {
            var last = i == n - 1;
            if (((bytes[i] & 0x80) != 0) == last)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes a sequence of objects that fills <paramref name="data"/> exactly.</summary>
    /// <param name="data">The encoded objects.</param>
    /// <returns>The objects in order.</returns>
    /// <exception cref="CardFormatException">The bytes are malformed or truncated.</exception>
    public static IReadOnlyList<BerTlv> DecodeAll(ReadOnlySpan<byte> data) => DecodeSequence(data, 0);

    /// <summary>Decodes exactly one object that fills <paramref name="data"/>.</summary>
    /// <param name="data">The encoded object.</param>
    /// <returns>The object.</returns>
    /// <exception cref="CardFormatException">The bytes are malformed, truncated, or followed by extra bytes.</exception>
    public static BerTlv Decode(ReadOnlySpan<byte> data)
    {
        var tlv = DecodeOne(data, 0, out var consumed);
        if (consumed != data.Length)
        {
            throw new CardFormatException($"{data.Length - consumed} trailing byte(s) after the TLV object.");
        }

        return tlv;
    }

    /// <summary>Encodes a sequence of objects one after the other.</summary>
    /// <param name="objects">The objects.</param>
    /// <returns>The encoding.</returns>
    public static byte[] EncodeAll(IEnumerable<BerTlv> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var list = objects.ToList();
        var buffer = new byte[list.Sum(o => o.EncodedLength)];
        var offset = 0;
        foreach (var o in list)
        {
            offset += o.WriteTo(buffer.AsSpan(offset));
        }

        return buffer;
    }

    /// <summary>The first child with <paramref name="tag"/>, or null.</summary>
    /// <param name="tag">The tag to look for.</param>
    /// <returns>The child or null.</returns>
    public BerTlv? Find(uint tag) => _children.FirstOrDefault(c => c.Tag == tag);

    /// <summary>The number of bytes <see cref="Encode"/> produces.</summary>
    public int EncodedLength
    {
        get
        {
            var content = ContentLength;
            return TagBytes(Tag, stackalloc byte[4]) + LengthOfLength(content) + content;
        }
    }

    /// <summary>Encodes this object.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode()
    {
        var buffer = new byte[EncodedLength];
        WriteTo(buffer);
        return buffer;
    }

    /// <summary>Writes the encoding into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="EncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public int WriteTo(Span<byte> destination)
    {
        Span<byte> tagBytes = stackalloc byte[4];
        var tagLength = TagBytes(Tag, tagBytes);
        tagBytes[..tagLength].CopyTo(destination);
        var offset = tagLength;
        var content = ContentLength;
        offset += WriteLength(content, destination[offset..]);
        if (IsConstructed)
        {
            foreach (var child in _children)
            {
                offset += child.WriteTo(destination[offset..]);
            }
        }
        else
        {
            _value.CopyTo(destination[offset..]);
            offset += _value.Length;
        }

        return offset;
    }

    /// <summary>Overwrites the value bytes of this object and its children with zeros (for secrets).</summary>
    public void Clear()
    {
        Array.Clear(_value);
        foreach (var child in _children)
        {
            child.Clear();
        }
    }

    /// <inheritdoc/>
    public bool Equals(BerTlv? other) =>
        other is not null
        && other.Tag == Tag
        && other._value.AsSpan().SequenceEqual(_value)
        && other._children.SequenceEqual(_children);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BerTlv);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Tag, _value.Length, _children.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        IsConstructed ? $"{Tag:X}[{string.Join(", ", _children.Select(c => c.ToString()))}]" : $"{Tag:X}={Convert.ToHexString(_value)}";

    private int ContentLength => IsConstructed ? _children.Sum(c => c.EncodedLength) : _value.Length;

    private static bool IsConstructedTag(uint tag)
    {
        Span<byte> bytes = stackalloc byte[4];
        TagBytes(tag, bytes);
        return (bytes[0] & 0x20) != 0;
    }

    private static void ValidateTag(uint tag)
    {
        if (!IsValidTag(tag))
        {
            throw new ArgumentException($"Tag {tag:X} is not a valid BER tag.", nameof(tag));
        }
    }

    private static int TagBytes(uint tag, Span<byte> destination)
    {
        var n = tag > 0xFFFFFF ? 4 : tag > 0xFFFF ? 3 : tag > 0xFF ? 2 : 1;
        for (var i = 0; i < n; i++)
        {
            destination[i] = (byte)(tag >> (8 * (n - 1 - i)));
        }

        return n;
    }

    private static int LengthOfLength(int length) => length switch
    {
        < 0x80 => 1,
        <= 0xFF => 2,
        <= 0xFFFF => 3,
        <= 0xFFFFFF => 4,
        _ => 5,
    };

    private static int WriteLength(int length, Span<byte> destination)
    {
        var n = LengthOfLength(length);
        if (n == 1)
        {
            destination[0] = (byte)length;
            return 1;
        }

        destination[0] = (byte)(0x80 | (n - 1));
        for (var i = 1; i < n; i++)
        {
            destination[i] = (byte)(length >> (8 * (n - 1 - i)));
        }

        return n;
    }

    private static List<BerTlv> DecodeSequence(ReadOnlySpan<byte> data, int depth)
    {
        var result = new List<BerTlv>();
        var offset = 0;
        while (offset < data.Length)
        {
            result.Add(DecodeOne(data[offset..], depth, out var consumed));
            offset += consumed;
        }

        return result;
    }

    private static BerTlv DecodeOne(ReadOnlySpan<byte> data, int depth, out int consumed)
    {
        if (depth > MaxDepth)
        {
            throw new CardFormatException("TLV nesting is too deep.");
        }

        if (data.IsEmpty)
        {
            throw new CardFormatException("Truncated TLV: no tag.");
        }

        var offset = 0;
        uint tag = data[offset++];
        if (tag == 0x00)
        {
            throw new CardFormatException("Tag byte 00 is not allowed.");
        }

        if ((tag & 0x1F) == 0x1F)
        {
            byte b;
            do
            {
                if (offset >= data.Length)
                {
                    throw new CardFormatException("Truncated TLV: tag continues past the end.");
                }

                if (offset >= 4)
                {
                    throw new CardFormatException("Tag longer than 4 bytes.");
                }

                b = data[offset++];
                tag = (tag << 8) | b;
            }
            while ((b & 0x80) != 0);
        }

        if (offset >= data.Length)
        {
            throw new CardFormatException($"Truncated TLV {tag:X}: no length.");
        }

        int length = data[offset++];
        if (length == 0x80)
        {
            throw new CardFormatException("Indefinite length is not allowed.");
        }

        if (length > 0x80)
        {
            var count = length & 0x7F;
            if (count > 4 || offset + count > data.Length)
            {
                throw new CardFormatException($"Bad or truncated long-form length in TLV {tag:X}.");
            }

            Span<byte> be = stackalloc byte[4];
            be.Clear();
            data.Slice(offset, count).CopyTo(be[(4 - count)..]);
            var wide = BinaryPrimitives.ReadUInt32BigEndian(be);
            if (wide > int.MaxValue)
            {
                throw new CardFormatException($"Length of TLV {tag:X} is too large.");
            }

            length = (int)wide;
            offset += count;
        }

        if (length > data.Length - offset)
        {
            throw new CardFormatException($"Truncated TLV {tag:X}: needs {length} byte(s), {data.Length - offset} left.");
        }

        var content = data.Slice(offset, length);
        consumed = offset + length;
        return IsConstructedTag(tag)
            ? new BerTlv(tag, [], [.. DecodeSequence(content, depth + 1)])
            : new BerTlv(tag, content.ToArray(), []);
    }
}
