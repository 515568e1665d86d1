"""The exhibitors' portal (/<lang>/exhibitor/): each exhibitor's contacts keep its profile,
exhibits, stand team and declarations; organisers review before anything is public."""
