// placeholder: implementation under way
