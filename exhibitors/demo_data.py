"""Invented exhibitors and exhibit types for the demo catalogue. None of them is real."""

# slug, name, ISO country, sector slugs
EXHIBITORS = [
    ("song-hong-precision", "Công ty Cơ khí Chính xác Sông Hồng", "VN", ["ground-forces"]),
    ("ha-long-xanh-shipbuilding", "Tổng công ty Đóng tàu Hạ Long Xanh", "VN", ["naval"]),
    ("truong-son-electronics", "Viện Kỹ thuật Điện tử Trường Sơn", "VN", ["air-defence-air-force", "security"]),
    ("dong-nai-optics", "Công ty Thiết bị Quang học Đồng Nai", "VN", ["ground-forces", "security"]),
    ("duong-lam-security", "Tập đoàn Công nghệ An ninh Đường Lâm", "VN", ["security"]),
    ("bau-troi-viet-aviation", "Công ty Hàng không Bầu Trời Việt", "VN", ["air-defence-air-force"]),
    ("lac-long-cyber", "Trung tâm An ninh mạng Lạc Long", "VN", ["security"]),
    ("tay-nguyen-vehicles", "Nhà máy Xe đặc chủng Tây Nguyên", "VN", ["ground-forces"]),
    ("baltic-demo-shipyards", "Baltic Demo Shipyards", "RU", ["naval"]),
    ("ural-tracked-systems", "Ural Tracked Systems", "RU", ["ground-forces"]),
    ("volga-rotor-works", "Volga Rotor Works", "RU", ["air-defence-air-force"]),
    ("redwood-aerospace", "Redwood Aerospace", "US", ["air-defence-air-force"]),
    ("blue-harbor-security", "Blue Harbor Security", "US", ["security"]),
    ("aero-demo-sa", "Société Aéro Démo", "FR", ["air-defence-air-force"]),
    ("marine-atlantique", "Marine Atlantique Démo", "FR", ["naval"]),
    ("negev-sensor-works", "Negev Sensor Works", "IL", ["air-defence-air-force", "security"]),
    ("hanbit-defence", "Hanbit Defence Systems", "KR", ["ground-forces"]),
    ("busan-marine-robotics", "Busan Marine Robotics", "KR", ["naval"]),
    ("deccan-avionics", "Deccan Avionics", "IN", ["air-defence-air-force"]),
    ("ganga-armour", "Ganga Armour Works", "IN", ["ground-forces"]),
    ("kanto-marine-tech", "Kanto Marine Tech", "JP", ["naval"]),
    ("morava-vehicle-works", "Morava Vehicle Works", "CZ", ["ground-forces"]),
    ("vistula-optics", "Wisła Optics", "PL", ["ground-forces", "security"]),
    ("anatolia-unmanned", "Anatolia Unmanned Systems", "TR", ["air-defence-air-force", "naval"]),
    ("bosphorus-arms", "Bosphorus Arms", "TR", ["ground-forces"]),
    ("minsk-chassis", "Minsk Chassis Demo", "BY", ["ground-forces"]),
    ("thames-ballistics", "Thames Ballistics", "GB", ["ground-forces", "security"]),
    ("rheinfeld-fahrzeugtechnik", "Rheinfeld Fahrzeugtechnik", "DE", ["ground-forces"]),
    ("adriatica-navale", "Adriatica Navale", "IT", ["naval"]),
    ("southern-cross-cyber", "Southern Cross Cyber", "AU", ["security"]),
    ("nordvik-radar", "Nordvik Radar", "SE", ["air-defence-air-force", "naval"]),
    ("iberica-sistemas", "Ibérica Sistemas de Defensa", "ES", ["security", "naval"]),
    ("nusantara-dirgantara", "Nusantara Dirgantara", "ID", ["air-defence-air-force"]),
    ("lion-city-secure", "Lion City Secure", "SG", ["security"]),
    ("saimaa-arctic", "Saimaa Arctic Systems", "FI", ["ground-forces"]),
    ("mekong-drone-lab", "Phòng thí nghiệm UAV Mê Kông", "VN", ["air-defence-air-force", "naval"]),
    ("pearl-river-electronics", "Pearl Bay Electronics", "SG", ["security", "air-defence-air-force"]),
    ("carpathia-demo-arms", "Carpathia Demo Arms", "CZ", ["ground-forces", "security"]),
    ("andes-biometrics", "Andes Biometrics", "ES", ["security"]),
    ("sakura-helicopters", "Sakura Rotorcraft", "JP", ["air-defence-air-force"]),
]

# category slug -> kinds of exhibit in it: (Vietnamese noun, English noun)
KINDS = {
    "fighter-aircraft": [("Máy bay tiêm kích", "fighter"), ("Máy bay huấn luyện chiến đấu", "combat trainer")],
    "helicopters": [("Trực thăng vận tải", "transport helicopter"), ("Trực thăng trinh sát", "scout helicopter")],
    "unmanned-aerial-vehicles": [("UAV trinh sát", "reconnaissance UAV"), ("UAV cất hạ cánh thẳng đứng", "VTOL UAV")],
    "gun-systems": [("Tổ hợp pháo phòng không", "anti-aircraft gun system"), ("Pháo tự động", "automatic cannon")],
    "air-defence-missiles": [
        ("Tổ hợp tên lửa tầm ngắn", "short-range missile system"),
        ("Rađa dẫn bắn", "fire-control radar"),
    ],
    "submarines": [("Tàu ngầm diesel-điện", "diesel-electric submarine"), ("Tàu ngầm mini", "midget submarine")],
    "warships": [("Tàu hộ vệ tên lửa", "missile corvette"), ("Tàu tuần tra xa bờ", "offshore patrol vessel")],
    "unmanned-surface-vessels": [
        ("Xuồng không người lái", "unmanned surface vessel"),
        ("Xuồng tuần tra tự hành", "autonomous patrol boat"),
    ],
    "auxiliary-ships": [("Tàu hậu cần", "logistics ship"), ("Tàu cứu hộ", "rescue ship")],
    "underwater-reconnaissance": [
        ("Thiết bị lặn tự hành", "autonomous underwater vehicle"),
        ("Sonar kéo", "towed sonar"),
    ],
    "infantry-weapons": [("Súng trường tấn công", "assault rifle"), ("Súng bắn tỉa", "sniper rifle")],
    "fire-support-weapons": [("Súng cối", "mortar"), ("Súng phóng lựu tự động", "automatic grenade launcher")],
    "self-propelled-artillery": [
        ("Pháo tự hành bánh lốp", "wheeled self-propelled howitzer"),
        ("Pháo phản lực", "rocket launcher"),
    ],
    "towed-artillery": [("Lựu pháo kéo", "towed howitzer"), ("Pháo nòng dài", "long-barrel field gun")],
    "tanks": [("Xe tăng chiến đấu", "main battle tank"), ("Xe tăng hạng nhẹ", "light tank")],
    "armoured-vehicles": [
        ("Xe thiết giáp chở quân", "armoured personnel carrier"),
        ("Xe trinh sát bọc thép", "armoured scout car"),
    ],
    "biometrics": [("Cổng nhận dạng khuôn mặt", "face-recognition gate"), ("Máy quét vân tay", "fingerprint scanner")],
    "counter-terrorism": [
        ("Robot rà phá bom mìn", "bomb-disposal robot"),
        ("Hệ thống giám sát vành đai", "perimeter surveillance system"),
    ],
    "cybercrime-prevention": [
        ("Nền tảng giám sát an ninh mạng", "cyber-security monitoring platform"),
        ("Hệ thống phân tích mã độc", "malware analysis system"),
    ],
    "lethal-weapons": [("Súng ngắn", "pistol"), ("Súng tiểu liên", "submachine gun")],
}

# sector slug -> specifications: (label vi, label en, value pattern with {n} from a number range)
SPECIFICATIONS = {
    "air-defence-air-force": [
        ("Tầm hoạt động", "Range", "{n} km", (40, 3000)),
        ("Tốc độ tối đa", "Top speed", "{n} km/h", (120, 2200)),
        ("Trần bay", "Service ceiling", "{n} m", (3000, 18000)),
        ("Kíp vận hành", "Crew", "{n}", (1, 4)),
    ],
    "naval": [
        ("Chiều dài", "Length", "{n} m", (6, 140)),
        ("Lượng giãn nước", "Displacement", "{n} t", (2, 4000)),
        ("Tốc độ tối đa", "Top speed", "{n} hải lý/giờ · knots", (8, 40)),
        ("Thủy thủ đoàn", "Crew", "{n}", (0, 120)),
    ],
    "ground-forces": [
        ("Khối lượng", "Weight", "{n} kg", (3, 60000)),
        ("Cỡ nòng", "Calibre", "{n} mm", (5, 155)),
        ("Tầm bắn hiệu quả", "Effective range", "{n} m", (300, 40000)),
        ("Kíp vận hành", "Crew", "{n}", (1, 4)),
    ],
    "security": [
        ("Thời gian phản hồi", "Response time", "{n} ms", (20, 900)),
        ("Công suất tiêu thụ", "Power draw", "{n} W", (5, 800)),
        ("Nhiệt độ hoạt động", "Operating temperature", "-{n} … +55 °C", (10, 40)),
        ("Bảo hành", "Warranty", "{n} năm · years", (1, 5)),
    ],
}

PALETTES = {
    "air-defence-air-force": ((92, 132, 170), (214, 228, 240)),
    "naval": ((28, 70, 110), (140, 180, 205)),
    "ground-forces": ((80, 92, 52), (196, 186, 140)),
    "security": ((55, 55, 70), (160, 170, 190)),
}
