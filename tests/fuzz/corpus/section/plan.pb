R
g1work as an assistant nurse0:þÿÿÿÿÿÿÿÿ
no contact:employedBêH'
g2g1
Swedish B1"
	ssyk-20125321
a1
SFI course"g2R
é* Žž¼0