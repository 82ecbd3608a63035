namespace NetTui.Tui;

/// <summary>The capture form's part of the shell (`C`): what runs a capture, given by the composition root.</summary>
internal sealed partial class MainWindow
{
    /// <summary>Runs a capture for the `C` form (the app's PacketCapture); null: not available.</summary>
    internal Func<Core.Capture.CaptureRequest, CancellationToken, Task<Host.Capture.CaptureResult>>? Capture { get => _capture.Backend; set => _capture.Backend = value; }

    internal CaptureOverlay CaptureForm => _captureForm;
}
