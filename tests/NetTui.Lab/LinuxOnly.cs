// The lab drives Linux namespaces, iproute2 and Linux daemons: it exists only on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
