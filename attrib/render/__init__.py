"""Attribution -> what people and CMSs read."""
