// The service tests start real processes and check POSIX file modes: they run on Linux (CI's OS).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
