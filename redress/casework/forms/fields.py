"""GOV.UK form fields the staff screens build often (dates: `redress.core.fields`)."""

from django import forms


def text_field(
    label: str, *, message: str = "", required: bool = True, rows: int = 3, hint: str = ""
) -> forms.CharField:
    """A GOV.UK textarea; `message` is what to say when it is required and left empty."""
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        template_name="forms/textarea.html",
        error_messages={"required": message or f"Enter the {label[0].lower()}{label[1:]}"},
    )
