"""The newsroom's admin: article chooser, bylines, slug clashes, dashboards, previews."""
