using NetTui.Core.Model;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// Two lines at the top: host, namespace, last update, the read-only marker; then the
/// health of every source, colour-coded, with the reason of each one that is down.
/// </summary>
internal sealed class HeaderView : View
{
    private static readonly (SourceKind Kind, string Name)[] SourceNames =
    [
        (SourceKind.IpRoute2, "iproute2"),
        (SourceKind.Ovs, "OVS"),
        (SourceKind.Docker, "Docker"),
        (SourceKind.NetworkManager, "NetworkManager"),
    ];

    private readonly Label _host = new() { X = 0, Y = 0 };
    private readonly Label _status = new() { Y = 0 };
    private readonly Label _readOnly = new() { Y = 0, Text = "" };
    private readonly Label[] _sources;
    private readonly Label _reasons = new() { Y = 1, Width = Dim.Fill(), Height = 1 };
    private Theme _theme = Theme.Dark;
    private string _readOnlyReason = "changes need root";
    private readonly bool _isReadOnly;
    private HostSnapshot? _snapshot;

    public HeaderView(bool readOnly)
    {
        Width = Dim.Fill();
        Height = 2;
        CanFocus = false;
        _status.X = Pos.Right(_host) + 2;
        _readOnly.X = Pos.AnchorEnd();
        _isReadOnly = readOnly;
        _readOnly.Text = readOnly ? ReadOnlyText(80) : "";
        // On a narrow terminal the host name matters more than the full sentence.
        FrameChanged += (_, e) => { if (readOnly) _readOnly.Text = ReadOnlyText(e.Value.Width); };
        _sources = SourceNames.Select(_ => new Label { Y = 1 }).ToArray();
        for (int i = 0; i < _sources.Length; i++)
            _sources[i].X = i == 0 ? 0 : Pos.Right(_sources[i - 1]) + 2;
        _reasons.X = Pos.Right(_sources[^1]) + 2;
        // A long reason is cut at the edge, not wrapped onto a line the header does not have.
        _reasons.TextFormatter.WordWrap = false;
        foreach (var l in new[] { _host, _status, _readOnly, _reasons }.Concat(_sources)) Plain.Text(l);
        Add(_host, _status, _readOnly);
        Add(_sources);
        Add(_reasons);
    }

    /// <summary>Why the session is read-only ("--read-only", "changes need root or CAP_NET_ADMIN").</summary>
    public string ReadOnlyReason
    {
        get => _readOnlyReason;
        set
        {
            _readOnlyReason = value;
            if (_isReadOnly) _readOnly.Text = ReadOnlyText(Frame.Width > 0 ? Frame.Width : 80);
        }
    }

    private string ReadOnlyText(int width) =>
        width >= 70 ? $" read-only: {_readOnlyReason} " : width >= 40 ? " read-only " : "";

    public void Show(HostSnapshot snapshot, string status)
    {
        _snapshot = snapshot;
        _host.Text = $"{snapshot.HostName}  netns {snapshot.Namespace ?? "(host)"}";
        _status.Text = status;
        var reasons = new List<string>();
        for (int i = 0; i < SourceNames.Length; i++)
        {
            var (kind, name) = SourceNames[i];
            var s = snapshot.Source(kind);
            _sources[i].Text = s is null ? $"{name} ?" : s.Available ? $"{name} ok" : $"{name} DOWN";
            if (s is { Available: false })
                reasons.Add($"{name}: {s.Reason}");
        }
        // One source down: its label is right before the reason, so the reason alone reads well.
        var down = snapshot.Sources.Where(x => !x.Available).ToList();
        _reasons.Text = down.Count == 1 ? down[0].Reason ?? "" : string.Join("; ", reasons);
        ApplyTheme(_theme);
    }

    public void ApplyTheme(Theme theme)
    {
        _theme = theme;
        SetScheme(theme.Chrome);
        foreach (var l in new[] { _host, _status }) l.SetScheme(theme.Chrome);
        _readOnly.SetScheme(theme.Warn);
        _reasons.SetScheme(theme.Down);
        for (int i = 0; i < SourceNames.Length; i++)
        {
            var s = _snapshot?.Source(SourceNames[i].Kind);
            _sources[i].SetScheme(s is null ? theme.Warn : s.Available ? theme.Ok : theme.Down);
        }
        SetNeedsDraw();
    }
}
