using FundingWeb.Core.Alerts;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class WebhookUrlFormTests
{
    [Theory]
    [InlineData("https://user:secret@hooks.example.com/x")]
    [InlineData("https://token@hooks.example.com/x")]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("hooks.example.com/x")]
    [InlineData("https://hooks.example.com/a b")]
    [InlineData("https://hooks.example.com/\t/x")]
    [InlineData("https://hooks.example.com/\r\nX-Injected: 1")]
    public void ToRule_WebhookUrlOfARefusedShape_ErrorNamesTheField(string url)
    {
        var form = new AlertRuleForm { Name = "x", ThresholdPercent = 10, WebhookUrl = url };
        form.SetKind(AlertRuleKind.FundingThreshold);

        var (rule, errors) = form.ToRule(() => "id");

        Assert.Null(rule);
        Assert.Contains(errors, e => e.Field == nameof(AlertRuleForm.WebhookUrl) && e.Message.StartsWith("Webhook:", StringComparison.Ordinal));
    }

    [Fact]
    public void ToRule_WebhookUrlPastTheLengthCap_Refused() =>
        Assert.NotNull(AlertRuleForm.WebhookUrlProblem("https://hooks.example.com/" + new string('a', AlertRuleForm.MaxWebhookUrlLength)));

    [Theory]
    [InlineData("https://hooks.example.com/services/T000/B000/XXXX")]
    [InlineData("http://10.1.2.3:8080/hook")]
    public void ToRule_PlainHttpUrl_Stored(string url)
    {
        // Where it may connect is the outbound policy's call, at send time; the form checks the shape only.
        var form = new AlertRuleForm { Name = "x", ThresholdPercent = 10, WebhookUrl = url };
        form.SetKind(AlertRuleKind.FundingThreshold);

        Assert.Equal(url, form.ToRule(() => "id").Rule!.WebhookUrl);
    }
}
