using System.Net.Sockets;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Host.Doctor;

/// <summary>
/// Tells a live socket from a stale one by connecting: a unix socket file outlives the
/// process that made it (after a crash or SIGKILL), and only connect() says whether
/// anything still listens. Unix sockets are file system objects, so the network
/// namespace does not matter here.
/// </summary>
public static class UnixSocketProbe
{
    public static SocketState Probe(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) return SocketState.Missing;
        try
        {
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Connect(new UnixDomainSocketEndPoint(path));
            return SocketState.Listening;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => SocketState.Stale,
                SocketError.AccessDenied => SocketState.PermissionDenied,
                SocketError.AddressNotAvailable or SocketError.HostNotFound when !File.Exists(path) => SocketState.Missing,
                _ => SocketState.NotASocket,
            };
        }
        catch (UnauthorizedAccessException)
        {
            return SocketState.PermissionDenied;
        }
    }
}
