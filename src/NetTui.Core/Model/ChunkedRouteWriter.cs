using System.Buffers;
using System.Text;
using System.Text.Json;

namespace NetTui.Core.Model;

/// <summary>
/// Writes a <see cref="HostSnapshot"/> as indented <see cref="SnapshotJson"/> text, byte for
/// byte, with its routes formatted in chunks on several threads: at 200,000 routes the
/// route array is ~90 MB and formatting it on one thread was a third of `show --json all`.
/// The rest of the snapshot is serialized as usual with an empty route array, which is then
/// split at its `"routes": []` (the only property at depth 1 with that name; nested ones are
/// indented deeper), and the chunks are written in order between the two halves. Each chunk
/// is formatted inside a dummy object and array so the writer indents it at the route
/// array's depth; the dummy prefix is cut off.
/// </summary>
public static class ChunkedRouteWriter
{
    private static readonly byte[] RoutesProperty = Encoding.UTF8.GetBytes("\n  \"routes\": []");

    public static async Task WriteAsync(Stream stream, HostSnapshot snapshot, JsonSerializerOptions options, int chunkSize = 4096, CancellationToken ct = default)
    {
        var info = SnapshotJson.Info<HostSnapshot>(options);
        var routes = snapshot.Routes;
        if (!(options.WriteIndented && options.NewLine == "\n" && options.IndentSize == 2 && options.IndentCharacter == ' ') || routes.IsEmpty)
        {
            await JsonSerializer.SerializeAsync(stream, snapshot, info, ct).ConfigureAwait(false);
            return;
        }

        // A few chunks in flight, written in order as they complete: the whole array is never in memory.
        var window = Math.Max(2, 2 * Environment.ProcessorCount);
        var pending = new Queue<Task<(ArrayBufferWriter<byte> Buffer, int Start)>>();
        // Buffers are reused: a fresh ~2 MB buffer per chunk filled the large object heap and
        // made every collection a full one over the 200,000 routes.
        var spare = new System.Collections.Concurrent.ConcurrentBag<ArrayBufferWriter<byte>>();
        var next = 0;
        void StartChunks()
        {
            while (next < routes.Length && pending.Count < window)
            {
                var start = next;
                var count = Math.Min(chunkSize, routes.Length - start);
                pending.Enqueue(Task.Run(() => Format(routes.AsMemory().Slice(start, count), options,
                    spare.TryTake(out var b) ? b : new ArrayBufferWriter<byte>(count * 512)), ct));
                next += count;
            }
        }

        // The first chunks are formatted while this thread serializes the rest of the snapshot.
        StartChunks();
        var skeleton = JsonSerializer.SerializeToUtf8Bytes(snapshot with { Routes = [] }, info);
        var split = skeleton.AsSpan().IndexOf(RoutesProperty);
        if (split < 0)
        {
            await Task.WhenAll(pending).ConfigureAwait(false); // not expected: the shape is ours; the slow way then
            await JsonSerializer.SerializeAsync(stream, snapshot, info, ct).ConfigureAwait(false);
            return;
        }
        var open = split + RoutesProperty.Length - 1; // at ']' of "[]"
        await stream.WriteAsync(skeleton.AsMemory(0, open), ct).ConfigureAwait(false);

        var first = true;
        while (pending.Count > 0)
        {
            var (buffer, chunkStart) = await pending.Dequeue().ConfigureAwait(false);
            // The comma the writer would have put between the last element of one chunk and the first of the next.
            if (!first) await stream.WriteAsync(Comma, ct).ConfigureAwait(false);
            first = false;
            await stream.WriteAsync(buffer.WrittenMemory[chunkStart..], ct).ConfigureAwait(false);
            buffer.ResetWrittenCount();
            spare.Add(buffer);
            StartChunks();
        }
        await stream.WriteAsync(BeforeClose, ct).ConfigureAwait(false);
        await stream.WriteAsync(skeleton.AsMemory(open), ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    private static readonly byte[] Comma = ","u8.ToArray(), BeforeClose = "\n  "u8.ToArray();

    /// <summary>The routes as array elements at depth 2 ("\n    {...}" each, comma-separated), from Start in the buffer.</summary>
    private static (ArrayBufferWriter<byte> Buffer, int Start) Format(ReadOnlyMemory<Route> routes, JsonSerializerOptions options, ArrayBufferWriter<byte> buffer)
    {
        var writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = true,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth,
            SkipValidation = true,
        };
        var converter = new RouteJsonWriter();
        using var writer = new Utf8JsonWriter(buffer, writerOptions);
        // A dummy `{ "r": [` so the routes land at the route array's depth; cut off below.
        writer.WriteStartObject();
        writer.WritePropertyName("r"u8);
        writer.WriteStartArray();
        writer.Flush();
        var prefix = buffer.WrittenCount;
        foreach (var r in routes.Span) converter.Write(writer, r, options);
        writer.Flush();
        return (buffer, prefix);
    }
}
