using System.Reflection;
using JasperFx.CodeGeneration;
using Wolverine;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Where the code that calls each Wolverine handler comes from. The image build writes it with `codegen write` and
/// compiles it in (MSBuild property PregeneratedHandlerCode=true, which also stamps the assembly), so production
/// loads it statically: the first command answers at once and no compiler sits in memory. Every other build
/// (development, tests) compiles it at run time, so adding a handler needs no extra step anywhere and no generated
/// file is ever committed or stale.
/// </summary>
public static class HandlerCode
{
    public const string MetadataKey = "QualCoder.PregeneratedHandlerCode";

    public static bool IsCompiledIn { get; } = typeof(HandlerCode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Any(a => a.Key == MetadataKey && a.Value == "true");

    public static void Configure(WolverineOptions wolverine)
    {
        if (IsCompiledIn)
        {
            wolverine.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        }
        else
        {
            wolverine.UseRuntimeCompilation();
        }
    }
}
