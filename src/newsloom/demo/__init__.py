"""The sample news site: invented outlets and articles served over HTTP for demos and tests."""

from newsloom.demo.model import DemoArticle, DemoOutlet, RequestCounter
from newsloom.demo.site import DemoSite

__all__ = ["DemoArticle", "DemoOutlet", "DemoSite", "RequestCounter"]
