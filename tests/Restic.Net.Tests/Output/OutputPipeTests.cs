using System.Buffers;
using System.Text;
using Restic.Net.Output;

namespace Restic.Net.Tests.Output;

public class OutputPipeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void ReadLines_AnySegmentation_GivesTheLinesAndStopsAfterTheLastComplete_AndACutLastLineThrows(int segmentSize)
    {
        var text = "first\r\n\nsecond line\n" + new string('x', 300) + "\r\nthird\r\nunterminated";
        var sequence = Segmented(Encoding.UTF8.GetBytes(text), segmentSize);

        var lines = new List<string>();
        var position = OutputPipe.ReadLines(sequence, isFinal: false, line => lines.Add(Encoding.UTF8.GetString(line)));

        Assert.Equal(["first", "", "second line", new string('x', 300), "third"], lines);
        Assert.Equal("unterminated", Encoding.UTF8.GetString(sequence.Slice(position).ToArray()));

        // At the end, a last line without its LF was cut: never handed over as if it were whole.
        lines.Clear();
        var ex = Assert.Throws<ResticOutputException>(() => OutputPipe.ReadLines(sequence, isFinal: true, line => lines.Add(Encoding.UTF8.GetString(line))));
        Assert.Equal("unterminated", ex.OutputLine);
        Assert.Contains("ended in the middle of a line (12 bytes", ex.Message);
        Assert.DoesNotContain("unterminated", lines);

        var whole = Segmented(Encoding.UTF8.GetBytes("first\nsecond\n"), segmentSize);
        lines.Clear();
        Assert.Equal(whole.End, OutputPipe.ReadLines(whole, isFinal: true, line => lines.Add(Encoding.UTF8.GetString(line))));
        Assert.Equal(["first", "second"], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void ReadLines_NoCompleteLine_ConsumesNothing(int segmentSize)
    {
        var sequence = Segmented(Encoding.UTF8.GetBytes("no newline yet"), segmentSize);
        var lines = 0;

        var position = OutputPipe.ReadLines(sequence, isFinal: false, _ => lines++);

        Assert.Equal(0, lines);
        Assert.Equal(sequence.Start, position);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var segment = new Segment(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), last);
            first ??= segment;
            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }
}
