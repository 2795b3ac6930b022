namespace QualCoder.Server.Features.Projects;

/// <summary>A member's role; each includes the rights of the ones below it (declaration order matters).</summary>
public enum ProjectRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer,

    /// <summary>Applies codes and writes memos.</summary>
    Coder,

    /// <summary>Also changes the codebook and the sources.</summary>
    Editor,

    /// <summary>Also manages members and the project itself.</summary>
    Owner,
}
