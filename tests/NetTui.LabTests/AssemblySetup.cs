using NetTui.LabTests;

// Lab tests start real daemons (dockerd takes seconds and much of the 2 CPU cores); run the
// test classes one after another so they neither starve each other nor time out.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
[assembly: AssemblyFixture(typeof(StaleLabSweep))]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
