using MudBlazor;

namespace FundingWeb.Components.Layout;

/// <summary>
/// Our look on MudBlazor: dense, dark by default, numbers in tabular mono (app.css), sign colours from PRODUCT.md
/// (blue: longs pay, orange: shorts pay) kept out of the palette's success/error so they never read as profit and loss.
/// </summary>
public static class FundingTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#60a5fa",
            Secondary = "#a78bfa",
            Background = "#0f141b",
            BackgroundGray = "#121922",
            Surface = "#161d27",
            AppbarBackground = "#161d27",
            AppbarText = "#e6edf3",
            DrawerBackground = "#161d27",
            DrawerText = "#e6edf3",
            DrawerIcon = "#8b9bb0",
            TextPrimary = "#e6edf3",
            TextSecondary = "#8b9bb0",
            ActionDefault = "#8b9bb0",
            LinesDefault = "#263142",
            LinesInputs = "#3b475a",
            TableLines = "#263142",
            Divider = "#263142",
            Success = "#34d399",
            Warning = "#f59e0b",
            Error = "#f87171",
            Info = "#60a5fa",
        },
        PaletteLight = new PaletteLight
        {
            Primary = "#2563eb",
            Secondary = "#7c3aed",
            Background = "#f6f7f9",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#111827",
            DrawerBackground = "#ffffff",
            DrawerText = "#111827",
            TextPrimary = "#111827",
            TextSecondary = "#4b5563",
            LinesDefault = "#dde3ea",
            TableLines = "#dde3ea",
            Divider = "#dde3ea",
            Success = "#047857",
            Warning = "#b45309",
            Error = "#b91c1c",
            Info = "#2563eb",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "system-ui", "-apple-system", "sans-serif"], FontSize = "0.875rem" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", AppbarHeight = "52px" },
    };
}
