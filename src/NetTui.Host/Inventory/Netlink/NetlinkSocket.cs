using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NetTui.Host.Inventory.Netlink;

/// <summary>Netlink failed (no permission for the namespace, kernel error on the dump).</summary>
public sealed class NetlinkException(string message) : Exception(message);

/// <summary>
/// A NETLINK_ROUTE socket, opened inside a network namespace, for one dump at a time.
/// Why not `ip -j route`: at 200,000 routes ip spends ~0.6 s formatting 19 MB of JSON that
/// we then parse again; the kernel's binary dump is the same data without either step.
/// A socket belongs to the namespace it was created in, so only its creation runs inside
/// the target (setns on a thread of our own, switched back before the thread ends).
/// </summary>
internal sealed partial class NetlinkSocket : IDisposable
{
    private const int AfNetlink = 16, SockRaw = 3, SockCloexec = 0x80000, NetlinkRoute = 0, CloneNewNet = 0x40000000;
    private const int SolSocket = 1, SoRcvbuf = 8;
    internal const ushort NlmsgError = 2, NlmsgDone = 3;
    private const ushort NlmFRequest = 0x1, NlmFDump = 0x300;

    private readonly int _fd;
    private uint _seq;

    private NetlinkSocket(int fd) => _fd = fd;

    /// <summary>Opens a socket in <paramref name="netnsPath"/> (null: the namespace we run in).</summary>
    public static NetlinkSocket Open(string? netnsPath)
    {
        if (netnsPath is null) return new NetlinkSocket(CreateHere());
        int fd = -1;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { fd = CreateIn(netnsPath); }
            catch (Exception e) { error = e; }
        });
        thread.Start();
        thread.Join();
        if (error is not null) throw error;
        return new NetlinkSocket(fd);
    }

    private static int CreateIn(string netnsPath)
    {
        using SafeFileHandle own = File.OpenHandle("/proc/thread-self/ns/net");
        using SafeFileHandle target = File.OpenHandle(netnsPath);
        if (setns((int)target.DangerousGetHandle(), CloneNewNet) != 0)
            throw new NetlinkException($"cannot enter network namespace {netnsPath}: {Errno()}");
        try
        {
            return CreateHere();
        }
        finally
        {
            // Never leave a runtime thread in the other namespace.
            if (setns((int)own.DangerousGetHandle(), CloneNewNet) != 0)
                Environment.FailFast("nettui: cannot return to its own network namespace: " + Errno());
        }
    }

    private static int CreateHere()
    {
        int fd = socket(AfNetlink, SockRaw | SockCloexec, NetlinkRoute);
        if (fd < 0) throw new NetlinkException($"cannot open a netlink socket: {Errno()}");
        int size = 4 << 20;
        setsockopt(fd, SolSocket, SoRcvbuf, ref size, sizeof(int)); // fewer, larger reads; best effort
        return fd;
    }

    /// <summary>
    /// Sends a dump request (message type <paramref name="type"/>, fixed header
    /// <paramref name="header"/>) and hands every reply message of type <paramref name="replyType"/>
    /// to <paramref name="onMessage"/> (its payload, after the 16-byte nlmsghdr).
    /// </summary>
    public void Dump(ushort type, ReadOnlySpan<byte> header, ushort replyType, SpanAction onMessage)
    {
        var seq = ++_seq;
        var request = new byte[Align(16 + header.Length)];
        MemoryMarshal.Write(request.AsSpan(0), (uint)request.Length);
        MemoryMarshal.Write(request.AsSpan(4), type);
        MemoryMarshal.Write(request.AsSpan(6), (ushort)(NlmFRequest | NlmFDump));
        MemoryMarshal.Write(request.AsSpan(8), seq);
        header.CopyTo(request.AsSpan(16));
        if (send(_fd, request, request.Length, 0) < 0) throw new NetlinkException($"netlink send: {Errno()}");

        var buffer = new byte[1 << 20];
        while (true)
        {
            nint n = recv(_fd, buffer, buffer.Length, 0);
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == 4) continue; // EINTR
                throw new NetlinkException($"netlink recv: {Errno()}");
            }
            var data = buffer.AsSpan(0, (int)n);
            while (data.Length >= 16)
            {
                var len = (int)MemoryMarshal.Read<uint>(data);
                var msgType = MemoryMarshal.Read<ushort>(data[4..]);
                var msgSeq = MemoryMarshal.Read<uint>(data[8..]);
                if (len < 16 || len > data.Length) throw new NetlinkException("netlink: truncated message");
                var payload = data[16..len];
                if (msgSeq == seq)
                {
                    if (msgType == NlmsgDone)
                    {
                        if (payload.Length >= 4 && MemoryMarshal.Read<int>(payload) is var err and < 0)
                            throw new NetlinkException($"netlink dump failed: {new Win32Exception(-err).Message}");
                        return;
                    }
                    if (msgType == NlmsgError)
                    {
                        var err = MemoryMarshal.Read<int>(payload);
                        if (err < 0) throw new NetlinkException($"netlink: {new Win32Exception(-err).Message}");
                    }
                    else if (msgType == replyType)
                    {
                        onMessage(payload);
                    }
                }
                data = data[Math.Min(Align(len), data.Length)..];
            }
        }
    }

    public delegate void SpanAction(ReadOnlySpan<byte> payload);

    internal static int Align(int len) => (len + 3) & ~3;

    private static string Errno() => new Win32Exception(Marshal.GetLastPInvokeError()).Message;

    public void Dispose() => close(_fd);

    [LibraryImport("libc", SetLastError = true)] private static partial int socket(int domain, int type, int protocol);
    [LibraryImport("libc", SetLastError = true)] private static partial int setsockopt(int fd, int level, int name, ref int value, int len);
    [LibraryImport("libc", SetLastError = true)] private static partial nint send(int fd, byte[] buf, nint len, int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial nint recv(int fd, byte[] buf, nint len, int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial int setns(int fd, int nstype);
    [LibraryImport("libc")] private static partial int close(int fd);
}
