using System.Net.Sockets;
using NetTui.Core.Doctor.Facts;
using NetTui.Host.Doctor;

namespace NetTui.UnitTests.Doctor;

/// <summary>Stale-socket detection without a lab: a socket file whose process is gone, a listening one, a plain file, none.</summary>
public sealed class UnixSocketProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nettui-sock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_socket_file_nobody_listens_on_is_stale()
    {
        var bound = Path.Combine(_dir, "bound.sock");
        var path = Path.Combine(_dir, "db.sock");
        using (var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            s.Bind(new UnixDomainSocketEndPoint(bound));
            s.Listen();
            // Renamed: .NET unlinks the path it bound when the socket closes, a killed daemon does not.
            File.Move(bound, path);
            Assert.Equal(SocketState.Listening, UnixSocketProbe.Probe(path));
        }
        // The listener is gone, its socket file stays, as after a SIGKILL.
        Assert.True(File.Exists(path));
        Assert.Equal(SocketState.Stale, UnixSocketProbe.Probe(path));
    }

    [Fact]
    public void No_file_is_missing() => Assert.Equal(SocketState.Missing, UnixSocketProbe.Probe(Path.Combine(_dir, "none.sock")));
}
