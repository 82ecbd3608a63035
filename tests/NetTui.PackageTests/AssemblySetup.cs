// The packaging tests run the native binary, dpkg, debootstrap and chroots: one at a time,
// so they neither starve each other of the 2 cores nor time out.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
