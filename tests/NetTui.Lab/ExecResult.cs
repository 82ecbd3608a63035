namespace NetTui.Lab;

/// <summary>What a finished lab command returned. Non-zero exit is data, not an exception.</summary>
public sealed record ExecResult(IReadOnlyList<string> Argv, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string CommandLine => string.Join(' ', Argv);

    /// <summary>Throws with the command, exit code and stderr: lab set-up failures must say why.</summary>
    public ExecResult EnsureSuccess()
    {
        if (!Succeeded)
            throw new LabException($"`{CommandLine}` exited {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}".Trim());
        return this;
    }
}

public sealed class LabException(string message, Exception? inner = null) : Exception(message, inner);
