using FundingWeb.Hosting;

var builder = FundingWebApp.CreateBuilder(args);
var app = FundingWebApp.Build(builder);
app.Run();
