using NetTui.LabTests;

// Lab tests start real daemons (dockerd takes seconds and much of the 2 CPU cores); run the
// test classes one after another so they neither starve each other nor time out.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
[assembly: AssemblyFixture(typeof(StaleLabSweep))]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace NetTui.LabTests
{
    internal static class NoRealConfigurationFiles
    {
        /// <summary>
        /// In-process change paths (TUI path tests) read NETTUI_CONFIG_ROOT too: without it they would
        /// find this machine's /etc/network/interfaces and persist a lab change there. A root with no files.
        /// </summary>
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void PointAtAnEmptyRoot() =>
            System.Environment.SetEnvironmentVariable("NETTUI_CONFIG_ROOT", "/run/nettui-lab-tests-have-no-config-root");
    }
}
