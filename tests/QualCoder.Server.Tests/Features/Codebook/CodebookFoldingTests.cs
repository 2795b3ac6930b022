using QualCoder.Server.Features.Codebook;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

/// <summary>The codebook's folding rules that the decisions and the view rely on.</summary>
public class CodebookFoldingTests
{
    [Fact]
    public void deleting_a_category_moves_its_codes_and_child_categories_up_to_its_parent()
    {
        var codebook = Sample(new CategoryDeleted(ProjectId, Positive, Editor, Now));

        Assert.Null(codebook.FindCategory(Positive));
        Assert.Equal(Feelings, codebook.FindCode(Joy)?.CategoryId);
    }

    [Fact]
    public void deleting_a_top_category_moves_its_contents_to_the_top()
    {
        var codebook = Sample(new CategoryDeleted(ProjectId, Feelings, Editor, Now));

        Assert.Null(codebook.FindCategory(Positive)?.ParentId);
        Assert.Null(codebook.FindCode(Fear)?.CategoryId);
        Assert.Equal(Positive, codebook.FindCode(Joy)?.CategoryId);
    }

    [Fact]
    public void a_merged_code_is_gone_and_the_code_merged_into_stays()
    {
        var codebook = Sample(new CodesMerged(ProjectId, Anger, Fear, Editor, Now));

        Assert.Null(codebook.FindCode(Anger));
        Assert.NotNull(codebook.FindCode(Fear));
    }
}
