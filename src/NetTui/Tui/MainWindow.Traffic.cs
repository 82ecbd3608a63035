using NetTui.Presentation;
using NetTui.Tui.Controllers;

namespace NetTui.Tui;

/// <summary>The traffic columns' part of the shell: the last counter read, shown in the views that count traffic.</summary>
internal sealed partial class MainWindow
{
    private TrafficView? _traffic;

    /// <summary>The traffic columns were turned on or off (`v`); the composition root starts or stops its poller.</summary>
    public event Action<bool>? TrafficToggled
    {
        add => _trafficKeys.Toggled += value;
        remove => _trafficKeys.Toggled -= value;
    }

    public bool TrafficOn => _trafficKeys.On;

    /// <summary>
    /// Shows a counter read (null: the columns go). Only the view on screen is re-presented
    /// now, and only if it counts traffic; the others when they are shown.
    /// </summary>
    public void ShowTraffic(TrafficView? traffic)
    {
        _traffic = traffic;
        _index = null;
        foreach (var kind in TrafficController.Views) _stale.Add(kind);
        if (TrafficController.Views.Contains(CurrentView))
        {
            _ = CurrentPane;
            ShowDetail();
        }
    }
}
