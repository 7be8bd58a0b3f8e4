"""Douyin (抖店): signing, code tables, the client, and the adapter behind the port."""
