<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AuditWindow</name>
    <message>
        <source>(values removed: customer erased)</source>
        <translation>（資料已移除：客戶資料已清除）</translation>
    </message>
    <message>
        <source>create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>update</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>view</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合併</translation>
    </message>
    <message>
        <source>export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>erase</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>sign in failed</source>
        <translation>登入失敗</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>鎖定</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒絕</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>到店紀錄</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>購買紀錄</translation>
    </message>
    <message>
        <source>consent record</source>
        <translation>同意紀錄</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表單</translation>
    </message>
    <message>
        <source>Reply promised by</source>
        <translation>承諾回覆時間</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address as</source>
        <translation>稱呼</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>會員編號</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>會員等級</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Greetings consent</source>
        <translation>接收問候</translation>
    </message>
    <message>
        <source>Offers consent</source>
        <translation>接收優惠</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <source>Romanisation</source>
        <translation>拼音/羅馬字</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>Dislikes</source>
        <translation>不喜歡的東西</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>需避免的話題</translation>
    </message>
    <message>
        <source>Occasions</source>
        <translation>紀念日</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>分機</translation>
    </message>
    <message>
        <source>Call queues</source>
        <translation>來電隊列</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>客訴</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>獎勵</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>phrasebook</source>
        <translation>話術庫</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客戶（批次）</translation>
    </message>
    <message>
        <source>complaint report</source>
        <translation>投訴報表</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系統</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>終端</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <source>Fields (before → after)</source>
        <translation>欄位（修改前 → 修改後）</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>任何操作</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>紀錄類型</translation>
    </message>
    <message>
        <source>any record</source>
        <translation>任何紀錄</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>紀錄編號</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>顯示(&amp;S)</translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation>顯示紀錄</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>匯出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>匯出 CSV</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>從(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>操作人(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>紀錄(&amp;R)</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln 條紀錄</numerusform>
        </translation>
    </message>
    <message>
        <source>Export audit entries</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已匯出到 {path}。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Complaints by cause</source>
        <translation>按原因統計的客訴</translation>
    </message>
    <message>
        <source>no complaints</source>
        <translation>無客訴</translation>
    </message>
    <message>
        <source>Number of complaints</source>
        <translation>客訴數量</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理客訴數</translation>
    </message>
    <message>
        <source>No complaints</source>
        <translation>暫無客訴</translation>
    </message>
</context>
<context>
    <name>CallDesk</name>
    <message>
        <source>Calls</source>
        <translation>來電</translation>
    </message>
    <message>
        <source>Calls and call-backs</source>
        <translation>來電與回撥</translation>
    </message>
    <message>
        <source>Phone link status</source>
        <translation>電話系統連線狀態</translation>
    </message>
    <message>
        <source>Calls: %1</source>
        <translation>來電：%1</translation>
    </message>
    <message>
        <source>Show calls</source>
        <translation>顯示來電</translation>
    </message>
    <message>
        <source>Show the calls and call-backs</source>
        <translation>顯示來電和回撥</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>來電佇列</translation>
    </message>
    <message>
        <source>The picked call</source>
        <translation>選取的來電</translation>
    </message>
    <message>
        <source>Pick a call in the queue (Ctrl+J, then ↑/↓ and Enter).</source>
        <translation>請在佇列中選取來電（Ctrl+J，再按 ↑/↓ 和 Enter）。</translation>
    </message>
    <message>
        <source>No call picked</source>
        <translation>未選取來電</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>來電者</translation>
    </message>
    <message>
        <source>Probable match (same last digits): check the name before you use it.</source>
        <translation>可能相符（末碼相同）：稱呼客戶前請先核對姓名。</translation>
    </message>
    <message>
        <source>Probable match warning</source>
        <translation>可能相符提示</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>問候語</translation>
    </message>
    <message>
        <source>About the caller</source>
        <translation>來電者資訊</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>開啟檔案(&amp;O)</translation>
    </message>
    <message>
        <source>Open the caller&apos;s profile</source>
        <translation>開啟來電者的檔案</translation>
    </message>
    <message>
        <source>Co&amp;mplaint (%1)</source>
        <translation>客訴(&amp;M) (%1)</translation>
    </message>
    <message>
        <source>Start a complaint for this caller</source>
        <translation>為此來電者登記客訴</translation>
    </message>
    <message>
        <source>Dismiss this call card</source>
        <translation>關閉此來電卡片</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>來電者是誰</translation>
    </message>
    <message>
        <source>Customers with this number</source>
        <translation>使用此號碼的客戶</translation>
    </message>
    <message>
        <source>&amp;This is the caller</source>
        <translation>就是這位來電者(&amp;T)</translation>
    </message>
    <message>
        <source>This is the caller</source>
        <translation>就是這位來電者</translation>
    </message>
    <message>
        <source>New caller</source>
        <translation>新來電者</translation>
    </message>
    <message>
        <source>Create pro&amp;file</source>
        <translation>建立檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Create a profile with this number</source>
        <translation>用此號碼建立客戶檔案</translation>
    </message>
    <message>
        <source>Find a customer to attach the number to</source>
        <translation>尋找要連結此號碼的客戶</translation>
    </message>
    <message>
        <source>…or attach the number to: name, phone, member no.</source>
        <translation>…或將號碼連結到：姓名、電話、會員編號</translation>
    </message>
    <message>
        <source>Customers to attach the number to</source>
        <translation>可連結此號碼的客戶</translation>
    </message>
    <message>
        <source>&amp;Attach number</source>
        <translation>連結號碼(&amp;A)</translation>
    </message>
    <message>
        <source>Attach the number to the selected customer</source>
        <translation>將號碼連結到所選客戶</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示訊息</translation>
    </message>
    <message>
        <source>Missed calls to return</source>
        <translation>待回撥的未接來電</translation>
    </message>
    <message>
        <source>Called &amp;back</source>
        <translation>已回撥(&amp;B)</translation>
    </message>
    <message>
        <source>Mark as called back</source>
        <translation>標記為已回撥</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call back.</source>
        <translation>目前沒有需要回撥的客戶。</translation>
    </message>
    <message>
        <source>Call-back list status</source>
        <translation>回撥清單狀態</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>號碼</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>時長</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Calls columns</source>
        <translation>來電記錄欄</translation>
    </message>
    <message>
        <source>Calls rows</source>
        <translation>來電記錄列</translation>
    </message>
    <message>
        <source>Complaint from the &amp;caller</source>
        <translation>來電者客訴(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>來電(&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>電話(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the phone-system &amp;URL</source>
        <translation>複製電話系統網址(&amp;U)</translation>
    </message>
    <message>
        <source>Phone pop-ups on</source>
        <translation>來電彈出視窗已開啟</translation>
    </message>
    <message>
        <source>Listening for calls on %1</source>
        <translation>正在 %1 上接收來電</translation>
    </message>
    <message>
        <source>Phone link off: %1</source>
        <translation>電話系統未連線：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in the queue</source>
        <translation>
            <numerusform>佇列中有 %n 通來電</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls yet. Waiting for the phone system…</source>
        <translation>目前沒有來電，正在等待電話系統…</translation>
    </message>
    <message>
        <source>Phone-system URL copied (keep it secret).</source>
        <translation>已複製電話系統網址（請勿外流）。</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客戶 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) share this number</source>
        <translation>
            <numerusform>%n 位客戶使用此號碼</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>正在載入檔案…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) have %1. Who is calling?</source>
        <translation>
            <numerusform>%n 位客戶使用 %1。來電者是哪一位？</numerusform>
        </translation>
    </message>
    <message>
        <source>New caller · %1</source>
        <translation>新來電者 · %1</translation>
    </message>
    <message>
        <source>(not a usable number)</source>
        <translation>（號碼無法使用）</translation>
    </message>
    <message>
        <source>&amp;Dismiss card</source>
        <translation>關閉卡片(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>關閉(&amp;D)</translation>
    </message>
    <message>
        <source>Last visit %1 (%2)</source>
        <translation>上次光臨：%1（%2）</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>尚未光臨</translation>
    </message>
    <message>
        <source>Last purchase %1: %2</source>
        <translation>上次購買 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Calls (%n)</source>
        <translation>
            <numerusform>來電（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a call from a known customer first.</source>
        <translation>請先選取一通已知客戶的來電。</translation>
    </message>
    <message>
        <source>Complaints are not available in this version yet.</source>
        <translation>此版本尚未提供客訴功能。</translation>
    </message>
    <message>
        <source>no member no.</source>
        <translation>無會員編號</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>未接 %1</translation>
    </message>
    <message numerus="yes">
        <source>Call back (%n)</source>
        <translation>
            <numerusform>回撥（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回撥</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <source>ringing</source>
        <translation>響鈴中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已接聽</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已結束</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>撥入</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>撥出</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全相符</translation>
    </message>
    <message>
        <source>probable match</source>
        <translation>可能相符</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>無相符</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未結客訴</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有可兌換獎勵——請告知客戶</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次光臨</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>需避免的話題</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分鐘 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>missed just now</source>
        <translation>剛剛未接</translation>
    </message>
    <message numerus="yes">
        <source>missed %n min ago</source>
        <translation>
            <numerusform>%n分鐘前未接</numerusform>
        </translation>
    </message>
    <message>
        <source>missed at %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>ringing %1</source>
        <translation>響鈴中 %1</translation>
    </message>
    <message>
        <source>talking %1 · %2</source>
        <translation>通話中 %1 · %2</translation>
    </message>
    <message>
        <source>talking %1</source>
        <translation>通話中 %1</translation>
    </message>
    <message>
        <source>ended · %1</source>
        <translation>已結束 · %1</translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation>隱藏號碼</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚未光臨</translation>
    </message>
    <message>
        <source>last visit %1</source>
        <translation>上次光臨 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>光臨%n次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckedTextEdit</name>
    <message>
        <source>Must change</source>
        <translation>必須修改</translation>
    </message>
    <message>
        <source>Check the wording</source>
        <translation>請檢查措辭</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建議</translation>
    </message>
    <message>
        <source>cannot be sent to a customer</source>
        <translation>不能發給客戶</translation>
    </message>
    <message>
        <source>needs your confirmation before sending</source>
        <translation>傳送前需要您確認</translation>
    </message>
    <message>
        <source>a better way to say it</source>
        <translation>有更好的說法</translation>
    </message>
    <message>
        <source>{severity}: {phrase} {effect}</source>
        <translation>{severity}：{phrase}{effect}</translation>
    </message>
    <message>
        <source>{phrase} {effect}.</source>
        <translation>{phrase}{effect}。</translation>
    </message>
    <message>
        <source>Say instead:</source>
        <translation>建議改說：</translation>
    </message>
    <message>
        <source>{keys} or right-click to replace.</source>
        <translation>按 {keys} 或按右鍵進行替換。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Fix wording…</source>
        <translation>修改措辭…</translation>
    </message>
    <message>
        <source>Insert approved phrase…</source>
        <translation>插入規範用語…</translation>
    </message>
    <message>
        <source>Fix wording</source>
        <translation>修改措辭</translation>
    </message>
    <message>
        <source>No flagged wording before the cursor.</source>
        <translation>游標前沒有被標記的措辭。</translation>
    </message>
    <message numerus="yes">
        <source>Change these %n phrase(s) before you {action}:</source>
        <translation>
            <numerusform>{action}前請修改這 %n 處用語：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please check these %n phrase(s) before you {action}:</source>
        <translation>
            <numerusform>{action}前請檢查這 %n 處用語：</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace with {phrase}</source>
        <translation>替換為{phrase}</translation>
    </message>
    <message numerus="yes">
        <source>%n must change</source>
        <translation>
            <numerusform>%n 處必須修改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to check</source>
        <translation>
            <numerusform>%n 處需檢查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggested</source>
        <translation>
            <numerusform>%n 處建議修改</numerusform>
        </translation>
    </message>
    <message>
        <source>Wording: {counts}.</source>
        <translation>措辭：{counts}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No flagged wording.</source>
        <translation>沒有被標記的措辭。</translation>
    </message>
    <message>
        <source>send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然傳送</translation>
    </message>
    <message>
        <source>Send anyway, as written</source>
        <translation>仍按原文傳送</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然儲存</translation>
    </message>
    <message>
        <source>Save anyway, as written</source>
        <translation>仍按原文儲存</translation>
    </message>
    <message>
        <source>Send the text as it is?</source>
        <translation>按原文傳送嗎？</translation>
    </message>
    <message>
        <source>Save the text as it is?</source>
        <translation>按原文儲存嗎？</translation>
    </message>
    <message>
        <source>Say instead: {phrase}</source>
        <translation>建議改說：{phrase}</translation>
    </message>
    <message>
        <source>Change {phrase} before you {action}:</source>
        <translation>{action}前請修改{phrase}：</translation>
    </message>
    <message>
        <source>Change the wording first</source>
        <translation>請先修改措辭</translation>
    </message>
    <message>
        <source>Fix: replace with {phrase}</source>
        <translation>修改：替換為{phrase}</translation>
    </message>
    <message>
        <source>Fix all: use the suggested wording</source>
        <translation>全部修改：使用建議的措辭</translation>
    </message>
    <message>
        <source>Please check this phrase before you {action}:</source>
        <translation>{action}前請檢查這處用語：</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back and edit</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>ComplaintCsv</name>
    <message>
        <source>complaint_id</source>
        <extracomment>The CSV&apos;s column titles (translated when written: the managers read them; the rows are data and stay as recorded).</extracomment>
        <translation>客訴編號</translation>
    </message>
    <message>
        <source>received_at</source>
        <translation>受理時間</translation>
    </message>
    <message>
        <source>store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>category</source>
        <translation>原因類別</translation>
    </message>
    <message>
        <source>sub_cause</source>
        <translation>具體原因</translation>
    </message>
    <message>
        <source>responsibility</source>
        <translation>責任歸屬</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>事件經過</translation>
    </message>
    <message>
        <source>wording_that_went_wrong</source>
        <translation>不當用語</translation>
    </message>
</context>
<context>
    <name>ComplaintFeatures</name>
    <message>
        <source>Complaint #{id} ({who}) needs a reply time.</source>
        <translation>客訴 #{id}（{who}）還沒有設定回覆時間。</translation>
    </message>
    <message>
        <source>Promise overdue: {who} — {countdown} (#{id})</source>
        <translation>承諾已超時：{who} — {countdown}（#{id}）</translation>
    </message>
    <message>
        <source>Reply due soon: {who} — {countdown} (#{id})</source>
        <translation>即將到回覆時間：{who} — {countdown}（#{id}）</translation>
    </message>
    <message>
        <source>Start &amp;complaint for this customer…</source>
        <translation>為此客戶登記客訴(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Walk-in / unknown caller complaint…</source>
        <translation>到店/未知來電人客訴(&amp;W)…</translation>
    </message>
    <message>
        <source>Complaint &amp;queues</source>
        <translation>客訴佇列(&amp;Q)</translation>
    </message>
    <message>
        <source>Complaint &amp;report…</source>
        <translation>客訴報表(&amp;R)…</translation>
    </message>
    <message>
        <source>Complaint notifications</source>
        <translation>客訴提醒</translation>
    </message>
    <message>
        <source>Service Console — complaints</source>
        <translation>服務台 — 客訴</translation>
    </message>
    <message>
        <source>Open a customer first, or press Ctrl+Shift+W for a walk-in complaint.</source>
        <translation>請先開啟一位客戶，或按 Ctrl+Shift+W 登記到店客訴。</translation>
    </message>
    <message>
        <source>Complaint #{id} saved.</source>
        <translation>客訴 #{id} 已儲存。</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…還有 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the queue (Ctrl+Shift+O)</source>
        <translation>開啟佇列（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Complaint reply due</source>
        <translation>客訴回覆到期</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Complaint</source>
        <translation>客訴</translation>
    </message>
    <message>
        <source>Who, where and when</source>
        <translation>客戶、地點和時間</translation>
    </message>
    <message>
        <source>1 · What happened — in the customer&apos;s words</source>
        <translation>1 · 事情經過 — 客戶原話</translation>
    </message>
    <message>
        <source>2 · Our understanding, restated</source>
        <translation>2 · 我們的理解（複述確認）</translation>
    </message>
    <message>
        <source>3 · How the customer feels</source>
        <translation>3 · 客戶情緒</translation>
    </message>
    <message>
        <source>4 · Apology given</source>
        <translation>4 · 已致歉</translation>
    </message>
    <message>
        <source>5 · What the customer wants</source>
        <translation>5 · 客戶訴求</translation>
    </message>
    <message>
        <source>6 · Options offered, the one chosen, compensation</source>
        <translation>6 · 提供的方案、客戶所選方案、補償</translation>
    </message>
    <message>
        <source>7 · Cause and responsibility</source>
        <translation>7 · 原因與責任</translation>
    </message>
    <message>
        <source>Reply to the customer and the promise</source>
        <translation>給客戶的答覆與承諾</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客戶：</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;name:</source>
        <translation>來電人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Con&amp;tact:</source>
        <translation>聯絡方式(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>管道(&amp;H)：</translation>
    </message>
    <message>
        <source>St&amp;ore:</source>
        <translation>門市(&amp;O)：</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>受理人(&amp;G)：</translation>
    </message>
    <message>
        <source>Recei&amp;ved:</source>
        <translation>受理時間(&amp;V)：</translation>
    </message>
    <message>
        <source>E&amp;motion:</source>
        <translation>情緒(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Wants:</source>
        <translation>訴求(&amp;W)：</translation>
    </message>
    <message>
        <source>O&amp;ffered:</source>
        <translation>提供方案(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Chosen:</source>
        <translation>所選方案(&amp;C)：</translation>
    </message>
    <message>
        <source>Compensation:</source>
        <translation>補償：</translation>
    </message>
    <message>
        <source>Ca&amp;use:</source>
        <translation>原因(&amp;U)：</translation>
    </message>
    <message>
        <source>Responsi&amp;bility:</source>
        <translation>責任(&amp;B)：</translation>
    </message>
    <message>
        <source>Word&amp;ing that went wrong:</source>
        <translation>不當用語(&amp;I)：</translation>
    </message>
    <message>
        <source>We will &amp;reply by:</source>
        <translation>承諾回覆時間(&amp;R)：</translation>
    </message>
    <message>
        <source>Linked customer</source>
        <translation>關聯客戶</translation>
    </message>
    <message>
        <source>Caller&apos;s name</source>
        <translation>來電人姓名</translation>
    </message>
    <message>
        <source>Walk-in or unknown caller</source>
        <translation>到店客人或未知來電人</translation>
    </message>
    <message>
        <source>Caller&apos;s contact</source>
        <translation>來電人聯絡方式</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>電話或電子郵件</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Agent taking the complaint</source>
        <translation>受理客訴的員工</translation>
    </message>
    <message>
        <source>Time received</source>
        <translation>受理時間</translation>
    </message>
    <message>
        <source>now</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>What happened, in the customer&apos;s words</source>
        <translation>事情經過（客戶原話）</translation>
    </message>
    <message>
        <source>Let them finish; note the key points as they talk.</source>
        <translation>讓客戶說完；邊聽邊記下要點。</translation>
    </message>
    <message>
        <source>Our understanding, restated</source>
        <translation>我們的理解（複述確認）</translation>
    </message>
    <message>
        <source>“Let me check I understood: … Did I understand you correctly?”</source>
        <translation>「我確認一下我的理解：……我理解得對嗎？」</translation>
    </message>
    <message>
        <source>Confirmed with the customer</source>
        <translation>已與客戶確認</translation>
    </message>
    <message>
        <source>Understanding confirmed with the customer</source>
        <translation>理解已與客戶確認</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>情緒</translation>
    </message>
    <message>
        <source>&amp;Empathy phrases…</source>
        <translation>同理心話術(&amp;E)…</translation>
    </message>
    <message>
        <source>Empathy phrases</source>
        <translation>同理心話術</translation>
    </message>
    <message>
        <source>Approved empathy phrases; the one chosen goes into step 4</source>
        <translation>經審核的同理心話術；選中的一句會填入第 4 步</translation>
    </message>
    <message>
        <source>Apology given</source>
        <translation>已致歉</translation>
    </message>
    <message>
        <source>Sincere, even before responsibility is clear: “I&apos;m sorry for the inconvenience.”  (Ctrl+Shift+Space: approved phrases)</source>
        <translation>即使責任未明，也要真誠致歉：「給您帶來不便，非常抱歉。」（Ctrl+Shift+空白鍵：標準話術）</translation>
    </message>
    <message>
        <source>Apology &amp;phrases…</source>
        <translation>致歉話術(&amp;P)…</translation>
    </message>
    <message>
        <source>Apology phrases</source>
        <translation>致歉話術</translation>
    </message>
    <message>
        <source>What the customer wants</source>
        <translation>客戶訴求</translation>
    </message>
    <message>
        <source>Not asked yet</source>
        <translation>尚未詢問</translation>
    </message>
    <message>
        <source>What the customer wants, in detail</source>
        <translation>客戶訴求詳情</translation>
    </message>
    <message>
        <source>“What would you like me to do?”</source>
        <translation>「您希望我們怎麼處理？」</translation>
    </message>
    <message>
        <source>Options offered, one per line</source>
        <translation>提供的方案，每行一個</translation>
    </message>
    <message>
        <source>One per line: replacement today; repair in 3 days with a loan phone; …</source>
        <translation>每行一個：今天換貨；3 天內維修並提供備用機；……</translation>
    </message>
    <message>
        <source>Option chosen</source>
        <translation>所選方案</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>尚未選擇</translation>
    </message>
    <message>
        <source>Compensation given</source>
        <translation>給予的補償</translation>
    </message>
    <message>
        <source>discount, voucher, upgrade, gift…</source>
        <translation>折扣、折價券、升級、贈品……</translation>
    </message>
    <message>
        <source>Compensation amount</source>
        <translation>補償金額</translation>
    </message>
    <message>
        <source>Compensation currency</source>
        <translation>補償幣別</translation>
    </message>
    <message>
        <source>Cause category</source>
        <translation>原因類別</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>尚不清楚</translation>
    </message>
    <message>
        <source>Sub-cause</source>
        <translation>具體原因</translation>
    </message>
    <message>
        <source>e.g. freezes after update, rude refusal</source>
        <translation>例如：更新後當機、態度生硬地拒絕</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>責任</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>尚未認定</translation>
    </message>
    <message>
        <source>Wording that went wrong</source>
        <translation>不當用語</translation>
    </message>
    <message>
        <source>What was said to the customer (goes to the trainers)</source>
        <translation>當時對客戶說的話（轉交培訓人員）</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>給客戶的答覆</translation>
    </message>
    <message>
        <source>What we tell the customer (checked against the phrasebook)</source>
        <translation>我們對客戶的答覆（按話術庫檢查）</translation>
    </message>
    <message>
        <source>Solved on the &amp;spot</source>
        <translation>當場解決(&amp;S)</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>當場解決</translation>
    </message>
    <message>
        <source>We will reply by</source>
        <translation>承諾回覆時間</translation>
    </message>
    <message>
        <source>choose a time</source>
        <translation>請選擇時間</translation>
    </message>
    <message>
        <source>Save complaint</source>
        <translation>儲存客訴</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>walk-in / unknown caller</source>
        <translation>到店客人/未知來電人</translation>
    </message>
    <message>
        <source>Complaint — {who}</source>
        <translation>客訴 — {who}</translation>
    </message>
    <message>
        <source>(customer #{id})</source>
        <translation>（客戶 #{id}）</translation>
    </message>
    <message>
        <source>Say: {phrases}</source>
        <translation>可以說：{phrases}</translation>
    </message>
    <message>
        <source>For service-attitude causes: what was said that went wrong</source>
        <translation>僅用於服務態度類原因：當時說錯了什麼</translation>
    </message>
    <message>
        <source>Solved on the spot: the follow-up call is scheduled when you save.</source>
        <translation>當場解決：儲存後會自動安排回訪電話。</translation>
    </message>
    <message>
        <source>Not solved on the spot: tell the customer when we will reply.</source>
        <translation>未當場解決：請告訴客戶我們何時回覆。</translation>
    </message>
    <message>
        <source>Tell the customer: we will reply by {when}.</source>
        <translation>請告訴客戶：我們會在{when}前回覆。</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>未知來電人</translation>
    </message>
    <message>
        <source>“{text}” is not an amount (e.g. 50 or 12.50).</source>
        <translation>「{text}」不是有效金額（例如 50 或 12.50）。</translation>
    </message>
    <message numerus="yes">
        <source>Please correct the %n fields marked in red.</source>
        <translation>
            <numerusform>請修正以紅色標示的 %n 個欄位。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Could not save: {error}. Nothing you typed was lost (a draft is kept); try again.</source>
        <translation>儲存失敗：{error}。已輸入的內容沒有丟失（已保留草稿），請重試。</translation>
    </message>
    <message>
        <source>Discard complaint?</source>
        <translation>放棄這件客訴？</translation>
    </message>
    <message>
        <source>Discard the complaint you were typing? It cannot be recovered afterwards.</source>
        <translation>要放棄正在填寫的客訴嗎？放棄後無法恢復。</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放棄(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>繼續填寫(&amp;K)</translation>
    </message>
    <message>
        <source>Could not save the draft: {error}</source>
        <translation>草稿儲存失敗：{error}</translation>
    </message>
</context>
<context>
    <name>ComplaintLabels</name>
    <message>
        <source>Phone</source>
        <extracomment>Drafts are saved this long after the last change (the promise is &quot;within 2 s&quot;). Labels of the domain&apos;s values, translated where shown (:func:`label`).</extracomment>
        <translation>電話</translation>
    </message>
    <message>
        <source>In store</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>平靜</translation>
    </message>
    <message>
        <source>Upset</source>
        <translation>不滿</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>憤怒</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>換貨</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>維修</translation>
    </message>
    <message>
        <source>An explanation</source>
        <translation>要求說明</translation>
    </message>
    <message>
        <source>An apology only</source>
        <translation>只要道歉</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>產品品質</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服務態度</translation>
    </message>
    <message>
        <source>Delivery / logistics</source>
        <translation>配送/物流</translation>
    </message>
    <message>
        <source>Price / billing</source>
        <translation>價格/收費</translation>
    </message>
    <message>
        <source>Environment / facilities</source>
        <translation>環境/設施</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策規定</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>The customer&apos;s</source>
        <translation>客戶方</translation>
    </message>
    <message>
        <source>A third party&apos;s</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>Unclear yet</source>
        <translation>尚不明確</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建立</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>處理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回訪</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已結案</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <source>No promise</source>
        <translation>無承諾</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即將到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超時</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>按時兌現</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未按時兌現</translation>
    </message>
    <message>
        <source>Calm — confirm the facts and act.</source>
        <extracomment>Emotion → (the theme&apos;s note kind, what it means for the agent).</extracomment>
        <translation>平靜 — 核實事實，馬上處理。</translation>
    </message>
    <message>
        <source>Upset — let them finish, show you understand, then ask what they want.</source>
        <translation>不滿 — 讓客戶說完，表示理解，再詢問訴求。</translation>
    </message>
    <message>
        <source>Angry — listen without interrupting; agree they have a point; apologise and act at once. Never say “calm down”.</source>
        <translation>憤怒 — 耐心傾聽不打斷；認可客戶有道理；立即道歉並行動。千萬不要說「您冷靜一下」。</translation>
    </message>
    <message>
        <source>In &amp;2 hours</source>
        <translation>2 小時內(&amp;2)</translation>
    </message>
    <message>
        <source>End of &amp;day</source>
        <translation>今天下班前(&amp;D)</translation>
    </message>
    <message>
        <source>Tomorrow 1&amp;0:00</source>
        <translation>明天 10:00(&amp;0)</translation>
    </message>
    <message>
        <source>My open</source>
        <translation>我的未結客訴</translation>
    </message>
    <message>
        <source>Overdue promises</source>
        <translation>超時承諾</translation>
    </message>
    <message>
        <source>Follow-ups today</source>
        <translation>今日回訪</translation>
    </message>
    <message>
        <source>No open complaints of yours — complaints you take on appear here until they are resolved</source>
        <translation>您目前沒有未結客訴 — 您受理的客訴會顯示在這裡，直到解決為止</translation>
    </message>
    <message>
        <source>Nothing due soon — open complaints whose promise falls due within 30 minutes appear here</source>
        <translation>目前沒有即將到期的客訴 — 承諾時間在 30 分鐘內到期的未結客訴會顯示在這裡</translation>
    </message>
    <message>
        <source>No overdue promises — promises that pass their time without a reply appear here</source>
        <translation>目前沒有超時承諾 — 超過承諾時間仍未回覆的客訴會顯示在這裡</translation>
    </message>
    <message>
        <source>No follow-ups today — resolved complaints whose follow-up call is due today appear here</source>
        <translation>今天沒有回訪 — 今天需要回訪的已解決客訴會顯示在這裡</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>開始處理(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>解決(&amp;R)</translation>
    </message>
    <message>
        <source>Record &amp;follow-up</source>
        <translation>記錄回訪(&amp;F)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>結案(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作廢(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>ComplaintQueue</name>
    <message>
        <source>follow-up {countdown}</source>
        <extracomment>Header column → service sort (other columns are not sortable).</extracomment>
        <translation>回訪 {countdown}</translation>
    </message>
    <message>
        <source>Complaint queues</source>
        <translation>客訴佇列</translation>
    </message>
    <message>
        <source>Complaints — Service Console</source>
        <translation>客訴 — 服務台</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>佇列</translation>
    </message>
    <message>
        <source>Enter opens the complaint · click a column title to sort · F5 refreshes · Ctrl+Tab next queue</source>
        <translation>Enter 鍵開啟客訴 · 點選欄位標題排序 · F5 重新整理 · Ctrl+Tab 切換到下一個佇列</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>重新整理（F5）</translation>
    </message>
    <message>
        <source>Refresh the queues</source>
        <translation>重新整理佇列</translation>
    </message>
    <message>
        <source>{queue} ({count})</source>
        <translation>{queue}（{count}）</translation>
    </message>
</context>
<context>
    <name>ComplaintReport</name>
    <message>
        <source>All stores</source>
        <extracomment>The store combo&apos;s first item (&quot;no store chosen&quot;), in the language it was shown in.</extracomment>
        <translation>全部門市</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <source>— (none yet)</source>
        <translation>—（暫無）</translation>
    </message>
    <message>
        <source>{pct} % ({part} of {whole})</source>
        <translation>{pct}%（{whole} 件中 {part} 件）</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分鐘</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小時</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理客訴數</translation>
    </message>
    <message>
        <source>Median time to first response</source>
        <translation>首次回應時間（中位數）</translation>
    </message>
    <message>
        <source>Median time to resolution</source>
        <translation>解決時間（中位數）</translation>
    </message>
    <message>
        <source>Promises kept on time</source>
        <translation>按時兌現的承諾</translation>
    </message>
    <message>
        <source>Follow-ups within 7 days</source>
        <translation>7 天內完成回訪</translation>
    </message>
    <message>
        <source>Dissatisfied at follow-up (≤ 2 of 5)</source>
        <translation>回訪不滿意（5 分制 ≤ 2 分）</translation>
    </message>
    <message>
        <source>Repeat complainers</source>
        <translation>重複客訴客戶</translation>
    </message>
</context>
<context>
    <name>ComplaintReportView</name>
    <message>
        <source>Complaint report</source>
        <translation>客訴報表</translation>
    </message>
    <message>
        <source>Complaint report — Service Console</source>
        <translation>客訴報表 — 服務台</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>結束日期（含當天）</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>顯示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>顯示報表</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>從(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>St&amp;ore:</source>
        <translation>門市(&amp;O)：</translation>
    </message>
    <message>
        <source>Chart by</source>
        <translation>圖表維度</translation>
    </message>
    <message>
        <source>By cause category</source>
        <translation>按原因類別</translation>
    </message>
    <message>
        <source>By sub-cause</source>
        <translation>按具體原因</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>圖表(&amp;H)：</translation>
    </message>
    <message>
        <source>Product-quality feedback</source>
        <translation>產品品質回饋</translation>
    </message>
    <message>
        <source>Service-attitude feedback</source>
        <translation>服務態度回饋</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理時間</translation>
    </message>
    <message>
        <source>Sub-cause</source>
        <translation>具體原因</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>責任</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件經過</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>不當用語</translation>
    </message>
    <message>
        <source>Feedback lists</source>
        <translation>回饋清單</translation>
    </message>
    <message>
        <source>Export product list (CSV)…</source>
        <translation>匯出產品清單（CSV）…</translation>
    </message>
    <message>
        <source>Export the product list as CSV</source>
        <translation>將產品清單匯出為 CSV</translation>
    </message>
    <message>
        <source>Export trainers&apos; list (CSV)…</source>
        <translation>匯出培訓清單（CSV）…</translation>
    </message>
    <message>
        <source>Export the trainers&apos; list as CSV</source>
        <translation>將培訓清單匯出為 CSV</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>儲存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>將報表儲存為 PDF</translation>
    </message>
    <message>
        <source>For the product team</source>
        <translation>交產品團隊</translation>
    </message>
    <message>
        <source>For the trainers</source>
        <translation>交培訓人員</translation>
    </message>
    <message>
        <source>For the product team ({count})</source>
        <translation>交產品團隊（{count}）</translation>
    </message>
    <message>
        <source>For the trainers ({count})</source>
        <translation>交培訓人員（{count}）</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>結束日期早於開始日期。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在統計…</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>全部門市</translation>
    </message>
    <message>
        <source>{start} – {end}, {where}.</source>
        <translation>{start} – {end}，{where}。</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>未細分</translation>
    </message>
    <message>
        <source>Complaints by sub-cause</source>
        <translation>按具體原因統計的客訴</translation>
    </message>
    <message>
        <source>Complaints by cause category</source>
        <translation>按原因類別統計的客訴</translation>
    </message>
    <message>
        <source>Show a report first.</source>
        <translation>請先顯示報表。</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存新檔</translation>
    </message>
    <message>
        <source>Report saved as {path}.</source>
        <translation>報表已儲存為 {path}。</translation>
    </message>
    <message>
        <source>1 row saved to {path}.</source>
        <translation>已將 1 筆資料儲存至 {path}。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows saved to {path}.</source>
        <translation>
            <numerusform>已將 %n 筆資料儲存至 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>儲存失敗：{error}</translation>
    </message>
    <message>
        <source>Complaints {start} – {end} · {where}</source>
        <translation>客訴 {start} – {end} · {where}</translation>
    </message>
    <message>
        <source>For the product team (product quality)</source>
        <translation>交產品團隊（產品品質）</translation>
    </message>
    <message>
        <source>For the trainers (service attitude)</source>
        <translation>交培訓人員（服務態度）</translation>
    </message>
    <message>
        <source>None in this period.</source>
        <translation>本期間內沒有。</translation>
    </message>
    <message>
        <source>no report to save</source>
        <translation>沒有可儲存的報表</translation>
    </message>
    <message>
        <source>the PDF could not be written to {path}</source>
        <translation>無法將 PDF 寫入 {path}</translation>
    </message>
</context>
<context>
    <name>ComplaintTexts</name>
    <message>
        <source>kept — answered {when}</source>
        <translation>按時兌現 — {when} 已回覆</translation>
    </message>
    <message>
        <source>missed — answered {when}</source>
        <translation>未按時兌現 — {when} 才回覆</translation>
    </message>
    <message>
        <source>(confirmed)</source>
        <translation>（已確認）</translation>
    </message>
    <message>
        <source>(not confirmed)</source>
        <translation>（未確認）</translation>
    </message>
    <message>
        <source>responsibility: {who}</source>
        <translation>責任：{who}</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Channel · store · agent</source>
        <translation>管道 · 門市 · 受理人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理時間</translation>
    </message>
    <message>
        <source>We will reply by</source>
        <translation>承諾回覆時間</translation>
    </message>
    <message>
        <source>1 What happened</source>
        <translation>1 事情經過</translation>
    </message>
    <message>
        <source>2 Our understanding</source>
        <translation>2 我們的理解</translation>
    </message>
    <message>
        <source>3 Emotion</source>
        <translation>3 情緒</translation>
    </message>
    <message>
        <source>4 Apology</source>
        <translation>4 致歉</translation>
    </message>
    <message>
        <source>5 Wants</source>
        <translation>5 訴求</translation>
    </message>
    <message>
        <source>6 Options</source>
        <translation>6 方案</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>7 Cause</source>
        <translation>7 原因</translation>
    </message>
    <message>
        <source>Wording that went wrong</source>
        <translation>不當用語</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答覆</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>回訪時間</translation>
    </message>
    <message>
        <source>Voided because</source>
        <translation>作廢原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>處理記錄</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <source>Logged as {status}</source>
        <translation>登記為{status}</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>承諾記錄</translation>
    </message>
    <message>
        <source>No promise (solved on the spot)</source>
        <translation>無承諾（當場解決）</translation>
    </message>
    <message>
        <source>Promised a reply by {due}</source>
        <translation>承諾在 {due} 前回覆</translation>
    </message>
    <message>
        <source>Extended to {due} (was {previous})</source>
        <translation>延期至 {due}（原為 {previous}）</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回訪記錄</translation>
    </message>
    <message>
        <source>satisfaction {score}/5 (dissatisfied)</source>
        <translation>滿意度 {score}/5（不滿意）</translation>
    </message>
    <message>
        <source>satisfaction {score}/5</source>
        <translation>滿意度 {score}/5</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未結客訴</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaints</source>
        <translation>
            <numerusform>%n 件未結客訴</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} — no reply time set</source>
        <translation>{count} — 未設定回覆時間</translation>
    </message>
    <message>
        <source>{count} — reply promised by {when} ({countdown})</source>
        <translation>{count} — 承諾{when}前回覆（{countdown}）</translation>
    </message>
</context>
<context>
    <name>ComplaintView</name>
    <message>
        <source>Complaint details and history</source>
        <translation>客訴詳情與記錄</translation>
    </message>
    <message>
        <source>Note for the action (required to void or extend)</source>
        <translation>操作備註（作廢或延期時必填）</translation>
    </message>
    <message>
        <source>Note: why, what was agreed, what the customer said…</source>
        <translation>備註：原因、約定內容、客戶的話……</translation>
    </message>
    <message>
        <source>Satisfaction at follow-up, 1 to 5</source>
        <translation>回訪滿意度，1 到 5 分</translation>
    </message>
    <message>
        <source> / 5</source>
        <translation> / 5</translation>
    </message>
    <message>
        <source>New reply time</source>
        <translation>新的回覆時間</translation>
    </message>
    <message>
        <source>E&amp;xtend promise</source>
        <translation>延長承諾(&amp;X)</translation>
    </message>
    <message>
        <source>Extend the promise (needs a note)</source>
        <translation>延長承諾（需填寫備註）</translation>
    </message>
    <message>
        <source>Relo&amp;ad</source>
        <translation>重新載入(&amp;A)</translation>
    </message>
    <message>
        <source>Reload the complaint to see the other change (your note stays)</source>
        <translation>重新載入投訴，查看對方的修改（您的備註保留）</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>關閉視窗</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>關閉此視窗</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>備註(&amp;N)：</translation>
    </message>
    <message>
        <source>Sat&amp;isfaction:</source>
        <translation>滿意度(&amp;I)：</translation>
    </message>
    <message>
        <source>New reply &amp;time:</source>
        <translation>新回覆時間(&amp;T)：</translation>
    </message>
    <message>
        <source>Complaint #{id}</source>
        <translation>客訴 #{id}</translation>
    </message>
    <message>
        <source>Complaint #{id} — {who}</source>
        <translation>客訴 #{id} — {who}</translation>
    </message>
    <message>
        <source>Complaint #{id} was not found.</source>
        <translation>找不到客訴 #{id}。</translation>
    </message>
    <message>
        <source>Say why the promise is extended (the customer will ask).</source>
        <translation>請說明延期原因（客戶會問）。</translation>
    </message>
    <message>
        <source>Voiding needs a reason: type it in Note.</source>
        <translation>作廢需要原因：請在「備註」中填寫。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>儲存失敗：{error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <source>{who} changed this complaint at {when}, so your change was not saved. Reload to see what they did, then try again: your note is kept.</source>
        <translation>{who} 在 {when} 修改了這筆投訴，您的操作未儲存。請重新載入查看對方的修改後再試：您的備註已保留。</translation>
    </message>
    <message>
        <source>{who} changed this complaint, so your change was not saved. Reload to see what they did, then try again: your note is kept.</source>
        <translation>{who} 修改了這筆投訴，您的操作未儲存。請重新載入查看對方的修改後再試：您的備註已保留。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出錯了：{error}</translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message numerus="yes">
        <source>%n days</source>
        <extracomment>Work that must finish after a form is gone (discarding its draft). &quot;Not set&quot; in the date-time editors (their minimum shows as special text).</extracomment>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>1 day %n h</source>
        <translation>
            <numerusform>1 天 %n 小時</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小時 {minutes} 分鐘</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小時</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>不到 1 分鐘</translation>
    </message>
    <message>
        <source>overdue {time}</source>
        <translation>已超時 {time}</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time}後</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>明天 {time}</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>Change {phrase} before saving.</source>
        <translation>儲存前請修改{phrase}。</translation>
    </message>
    <message>
        <source>Say instead: {phrase}.</source>
        <translation>建議改說：{phrase}。</translation>
    </message>
</context>
<context>
    <name>ComplaintsMenu</name>
    <message>
        <source>Com&amp;plaints</source>
        <translation>客訴(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>agent</source>
        <extracomment>Team mode: notices arriving within this long are applied together (one reload). Qt platforms without a screen: nobody could answer a dialog there.</extracomment>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培訓師</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>The demo console could not be started: {error}</source>
        <extracomment>Team mode: the services are the console server&apos;s (None: this desk&apos;s file).</extracomment>
        <translation>無法啟動示範版服務台：{error}</translation>
    </message>
    <message>
        <source>The demo console opens in a new window, marked DEMO. This console stays as it is.</source>
        <translation>示範版服務台會在新視窗中開啟，並標示「示範」。目前的服務台維持不變。</translation>
    </message>
    <message>
        <source>Only a manager or an admin may back up the database.</source>
        <translation>只有經理或管理員可以備份資料庫。</translation>
    </message>
    <message>
        <source>Audit trail broken</source>
        <translation>稽核紀錄已損毀</translation>
    </message>
    <message>
        <source>Backed up to {path}, but the audit trail does not verify: {problem}</source>
        <translation>已備份至 {path}，但稽核紀錄驗證未通過：{problem}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已備份至 {path}</translation>
    </message>
    <message>
        <source>{name} · {role}  (Ctrl+Shift+L to lock)</source>
        <translation>{name} · {role}（Ctrl+Shift+L 鎖定）</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>備份失敗：{error}</translation>
    </message>
    <message>
        <source>Backed up, but the audit trail does not verify: {problem}</source>
        <translation>已備份，但稽核紀錄驗證未通過：{problem}</translation>
    </message>
    <message>
        <source>Open complaint: {summary}</source>
        <translation>未結客訴：{summary}</translation>
    </message>
    <message>
        <source>Open complaint: {summary} — reply promised by {when} ({left})</source>
        <translation>未結客訴：{summary} — 已承諾在 {when} 前回覆（{left}）</translation>
    </message>
    <message>
        <source>turned off (setting cti_enabled)</source>
        <translation>已關閉（設定 cti_enabled）</translation>
    </message>
    <message>
        <source>not in the demo console (start it with --cti-port N to try it)</source>
        <translation>示範版服務台不接聽電話（如要試用，請以 --cti-port N 啟動）</translation>
    </message>
    <message>
        <source>this computer has no password keychain for the phone token. Ask an admin to set SERVICE_CONSOLE_CTI_TOKEN.</source>
        <translation>這台電腦沒有密碼鑰匙圈可保存電話權杖。請洽管理員設定 SERVICE_CONSOLE_CTI_TOKEN。</translation>
    </message>
    <message>
        <source>The console server answers again.</source>
        <translation>控制台伺服器已恢復連線。</translation>
    </message>
    <message>
        <source>The console server ended your session; sign in again.</source>
        <translation>控制台伺服器已結束您的工作階段，請重新登入。</translation>
    </message>
    <message>
        <source>Adding demo customers for a first look…</source>
        <translation>正在新增示範客戶，供初次體驗…</translation>
    </message>
    <message>
        <source>Demo data ready: {customers} customers, {purchases} purchases.</source>
        <translation>示範資料已就緒：{customers} 位客戶，{purchases} 筆消費。</translation>
    </message>
    <message>
        <source>That passphrase does not open the console&apos;s data. Try again.</source>
        <translation>這組通關密語打不開服務台的資料，請再試一次。</translation>
    </message>
    <message>
        <source>Service Console</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>This database is not encrypted. Close the app and run &apos;service-console encrypt&apos; to protect customers&apos; data.</source>
        <translation>此資料庫未加密。請關閉程式並執行「service-console encrypt」以保護客戶資料。</translation>
    </message>
    <message>
        <source>No font that can show Chinese characters was found. Chinese names will show as boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk</source>
        <translation>找不到可顯示中文的字型，中文姓名將顯示為方框。Debian/Ubuntu 上請執行：sudo apt-get install fonts-noto-cjk</translation>
    </message>
</context>
<context>
    <name>ConsolesWindow</name>
    <message>
        <source>Consoles</source>
        <extracomment>From any thread (the link&apos;s listeners): queued onto the window&apos;s thread. The server answers again after it was lost (reload what is on screen). It stopped answering.</extracomment>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Enrolled consoles</source>
        <translation>已登記的控制台</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登記時間</translation>
    </message>
    <message>
        <source>Enrolled by</source>
        <translation>登記人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>撤銷(&amp;R)…</translation>
    </message>
    <message>
        <source>Revoke the selected console</source>
        <translation>撤銷所選控制台</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>重新整理(&amp;F)</translation>
    </message>
    <message>
        <source>Refresh the list of consoles</source>
        <translation>重新整理控制台清單</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>revoked {when} by {who}</source>
        <translation>已於 {when} 由 {who} 撤銷</translation>
    </message>
    <message>
        <source>Revoke console</source>
        <translation>撤銷控制台</translation>
    </message>
    <message>
        <source>Revoke “{name}”? It stops working at once and whoever is signed in there is signed out. To use it again, enrol it with a new code.</source>
        <translation>撤銷「{name}」？它將立即停止運作，在那裡登入的員工會被登出。如需再次使用，請以新的登記碼重新登記。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>Revoked “{name}”.</source>
        <translation>已撤銷「{name}」。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>d MMMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>{date} (year unknown)</source>
        <translation>{date}（年份不詳）</translation>
    </message>
    <message>
        <source>Not a valid phone number for {region}: check the digits, or start with + and the country code</source>
        <translation>不是有效的{region}電話號碼：請檢查數字，或以 + 和國碼開頭</translation>
    </message>
    <message>
        <source>Saved as {number}</source>
        <translation>將儲存為 {number}</translation>
    </message>
    <message>
        <source>Not an email address (expected name@example.com)</source>
        <translation>不是有效的電子郵件地址（應為 name@example.com 格式）</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name</source>
        <translation>請輸入客戶姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手機</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>住家</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>銀卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠誠型</translation>
    </message>
    <message>
        <source>The brand&apos;s main profit: thank them, forgive an occasional slip.</source>
        <translation>品牌的主要利潤來源：多表達感謝，偶有小失誤也請包容。</translation>
    </message>
    <message>
        <source>Purposeful</source>
        <translation>目標明確型</translation>
    </message>
    <message>
        <source>Know what they want: serve them quickly and well.</source>
        <translation>清楚自己要什麼：快速、周到地服務。</translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation>偶爾光顧型</translation>
    </message>
    <message>
        <source>Hesitant, comparing prices: warm, confident help, no pressure.</source>
        <translation>猶豫不決、貨比三家：熱情、自信地提供幫助，不要施加壓力。</translation>
    </message>
    <message>
        <source>Information-seeking</source>
        <translation>資訊諮詢型</translation>
    </message>
    <message>
        <source>Careful and possibly high value: give clear facts and time.</source>
        <translation>謹慎，可能是高價值客戶：提供清晰的資訊，並給予充分的時間。</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>當面</translation>
    </message>
    <message>
        <source>On the phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>On a signed form</source>
        <translation>簽署書面表格</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Member number</source>
        <translation>會員編號</translation>
    </message>
    <message>
        <source>{field} {value} already belongs to {name} (#{id})</source>
        <translation>{field} {value} 已屬於 {name}（#{id}）</translation>
    </message>
    <message>
        <source>Edit customer — {name}</source>
        <translation>編輯客戶 — {name}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身分資訊</translation>
    </message>
    <message>
        <source>Full &amp;name *</source>
        <translation>全名(&amp;N) *</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Full name in its own script, e.g. 张伟 or Priya Patel</source>
        <translation>按原文書寫的全名，如 張偉 或 Priya Patel</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>&amp;Form of address</source>
        <translation>稱呼(&amp;F)</translation>
    </message>
    <message>
        <source>Preferred form of address</source>
        <translation>首選稱呼</translation>
    </message>
    <message>
        <source>Mr. Yu / 余先生 / Dr. Patel</source>
        <translation>余先生 / Mr. Yu / Dr. Patel</translation>
    </message>
    <message>
        <source>What staff say aloud when greeting them</source>
        <translation>員工當面問候客戶時使用的稱呼</translation>
    </message>
    <message>
        <source>&amp;Romanisation</source>
        <translation>拼音/羅馬拼音(&amp;R)</translation>
    </message>
    <message>
        <source>Romanisation</source>
        <translation>拼音/羅馬拼音</translation>
    </message>
    <message>
        <source>Filled in from a Chinese name, e.g. Zhang Wei</source>
        <translation>根據中文姓名自動填寫，如 Zhang Wei</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡方式</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>電話(&amp;P)</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Add p&amp;hone</source>
        <translation>新增電話(&amp;H)</translation>
    </message>
    <message>
        <source>Add phone</source>
        <translation>新增電話</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>電子郵件(&amp;E)</translation>
    </message>
    <message>
        <source>Member n&amp;umber</source>
        <translation>會員編號(&amp;U)</translation>
    </message>
    <message>
        <source>Card or member number</source>
        <translation>會員卡號或會員編號</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or --MM-DD</source>
        <translation>YYYY-MM-DD 或 --MM-DD</translation>
    </message>
    <message>
        <source>Year unknown? Write --MM-DD, e.g. --02-29</source>
        <translation>不知道年份？請寫 --MM-DD，如 --02-29</translation>
    </message>
    <message>
        <source>Other &amp;dates</source>
        <translation>其他日期(&amp;D)</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>其他日期</translation>
    </message>
    <message>
        <source>Add d&amp;ate</source>
        <translation>新增日期(&amp;A)</translation>
    </message>
    <message>
        <source>Add important date</source>
        <translation>新增重要日期</translation>
    </message>
    <message>
        <source>What to remember</source>
        <translation>需要記住的事</translation>
    </message>
    <message>
        <source>Li&amp;kes / preferences</source>
        <translation>喜好/偏好(&amp;K)</translation>
    </message>
    <message>
        <source>Likes and preferences</source>
        <translation>喜好和偏好</translation>
    </message>
    <message>
        <source>One per line, e.g.
Earl Grey, no sugar
Quiet table</source>
        <translation>每行一條，例如：
伯爵茶，不加糖
安靜的座位</translation>
    </message>
    <message>
        <source>D&amp;islikes / allergies</source>
        <translation>忌口/過敏(&amp;I)</translation>
    </message>
    <message>
        <source>Dislikes and allergies</source>
        <translation>不喜歡的東西和過敏</translation>
    </message>
    <message>
        <source>One per line, e.g. peanuts, loud music</source>
        <translation>每行一條，如：花生、嘈雜的音樂</translation>
    </message>
    <message>
        <source>Topics to a&amp;void</source>
        <translation>避免的話題(&amp;V)</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>避免的話題</translation>
    </message>
    <message>
        <source>One per line, e.g. politics, their old job</source>
        <translation>每行一條，如：政治、以前的工作</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>備註(&amp;T)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Anything else worth knowing: hometown, pets, next holiday…</source>
        <translation>其他值得了解的資訊：家鄉、寵物、下次假期…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>會員等級</translation>
    </message>
    <message>
        <source>Assi&amp;gned staff</source>
        <translation>專屬員工(&amp;G)</translation>
    </message>
    <message>
        <source>Assigned staff</source>
        <translation>專屬員工</translation>
    </message>
    <message>
        <source>Their account manager, for one-to-one service</source>
        <translation>負責一對一服務的客戶經理</translation>
    </message>
    <message>
        <source>Customer kind</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Greetings consent</source>
        <translation>祝福同意</translation>
    </message>
    <message>
        <source>May &amp;we send birthday and anniversary greetings?</source>
        <translation>是否同意我們傳送生日和紀念日祝福？(&amp;W)</translation>
    </message>
    <message>
        <source>May we send offers and news?</source>
        <translation>是否同意我們傳送優惠和資訊？</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>行銷同意</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>同意方式</translation>
    </message>
    <message>
        <source>How the customer gave or withdrew consent</source>
        <translation>客戶給予或撤回同意的方式</translation>
    </message>
    <message>
        <source>Already in use</source>
        <translation>已被使用</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>enter a name</source>
        <translation>輸入姓名</translation>
    </message>
    <message>
        <source>check phone {numbers}</source>
        <translation>檢查電話 {numbers}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>check the email</source>
        <translation>檢查電子郵件</translation>
    </message>
    <message>
        <source>check the birthday</source>
        <translation>檢查生日</translation>
    </message>
    <message>
        <source>check date {numbers}</source>
        <translation>檢查日期 {numbers}</translation>
    </message>
    <message>
        <source>To save: {problems}.</source>
        <translation>儲存前請：{problems}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Merging into #{id}…</source>
        <translation>正在合併到 #{id}…</translation>
    </message>
    <message>
        <source>Could not save: {error}. Nothing you typed was lost; try again.</source>
        <translation>無法儲存：{error}。您輸入的內容都還在，請重試。</translation>
    </message>
    <message>
        <source>Please correct: {problems}</source>
        <translation>請更正：{problems}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Already in use&lt;/b&gt; — is this the same person?</source>
        <translation>&lt;b&gt;已被使用&lt;/b&gt; — 是同一個人嗎？</translation>
    </message>
    <message>
        <source>&amp;Open #{id}</source>
        <translation>開啟 #{id}(&amp;O)</translation>
    </message>
    <message>
        <source>Open customer #{id}</source>
        <translation>開啟客戶 #{id}</translation>
    </message>
    <message>
        <source>&amp;Merge into #{id}</source>
        <translation>合併到 #{id}(&amp;M)</translation>
    </message>
    <message>
        <source>Merge this customer into #{id}</source>
        <translation>將此客戶合併到 #{id}</translation>
    </message>
    <message>
        <source>Save, then move everything (visits, purchases, phones) into #{id}; #{id}&apos;s own details are kept where both have one</source>
        <translation>先儲存，再將所有紀錄（到店、購買、電話）移到 #{id}；雙方都有的資訊保留 #{id} 的</translation>
    </message>
    <message>
        <source>Save an&amp;yway</source>
        <translation>仍然儲存(&amp;Y)</translation>
    </message>
    <message>
        <source>Save anyway, as a separate customer</source>
        <translation>仍然儲存為另一位客戶</translation>
    </message>
    <message numerus="yes">
        <source>Some details already belong to %n other customer(s).</source>
        <translation>
            <numerusform>部分資訊已屬於其他 %n 位客戶。</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>{who} saved this customer ({when} {time}) after you opened it, so your changes were not saved. What you typed is still in the form: copy what you need, then Reload to see their version.</source>
        <translation>{who}在您開啟後儲存了這位客戶（{when} {time}），因此您的修改沒有儲存。您輸入的內容仍在表單中：請複製需要的內容，然後按「重新載入」查看對方的版本。</translation>
    </message>
    <message>
        <source>Rel&amp;oad</source>
        <translation>重新載入(&amp;O)</translation>
    </message>
    <message>
        <source>Reload the customer as it was saved last</source>
        <translation>重新載入客戶最後儲存的資料</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this customer.</source>
        <translation>未儲存：其他人修改了這位客戶。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>Could not load the customer: {error}</source>
        <translation>無法載入客戶：{error}</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>這位客戶已不存在。</translation>
    </message>
</context>
<context>
    <name>CustomerProfile</name>
    <message>
        <source>Customer profile</source>
        <translation>客戶資料</translation>
    </message>
    <message>
        <source>Find a customer with the search box (Ctrl+K or /), or add a new one (Ctrl+N).</source>
        <translation>用搜尋框尋找客戶（Ctrl+K 或 /），或新增客戶（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>問候語</translation>
    </message>
    <message>
        <source>Name and contact</source>
        <translation>姓名與聯絡方式</translation>
    </message>
    <message>
        <source>Visits, spend and loyalty</source>
        <translation>來店、消費與集點</translation>
    </message>
    <message>
        <source>Things to remember</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>Log &amp;visit (Ctrl+L)</source>
        <translation>登記來店(&amp;V)（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>登記一次來店</translation>
    </message>
    <message>
        <source>Add &amp;purchase (Ctrl+P)</source>
        <translation>新增消費(&amp;P)（Ctrl+P）</translation>
    </message>
    <message>
        <source>Add a purchase</source>
        <translation>新增一筆消費</translation>
    </message>
    <message>
        <source>&amp;Edit (Ctrl+E)</source>
        <translation>編輯(&amp;E)（Ctrl+E）</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>&amp;Reward given (Ctrl+R)</source>
        <translation>已兌換獎勵(&amp;R)（Ctrl+R）</translation>
    </message>
    <message>
        <source>Record that the reward was given</source>
        <translation>記錄獎勵已兌換</translation>
    </message>
    <message>
        <source>Start &amp;complaint (Ctrl+Shift+C)</source>
        <translation>登記客訴(&amp;C)（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Start a complaint for this customer</source>
        <translation>為此客戶登記客訴</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>概覽</translation>
    </message>
    <message>
        <source>What to remember</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史紀錄</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消費紀錄</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>來店紀錄</translation>
    </message>
    <message>
        <source>{table} columns</source>
        <translation>{table}的欄</translation>
    </message>
    <message>
        <source>{table} rows</source>
        <translation>{table}的列</translation>
    </message>
    <message>
        <source>Purchases ({count})</source>
        <translation>消費紀錄（{count}）</translation>
    </message>
    <message>
        <source>Visits ({count})</source>
        <translation>來店紀錄（{count}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Address as: {name}</source>
        <translation>稱呼：{name}</translation>
    </message>
    <message>
        <source>Member {number} · {tier}</source>
        <translation>會員 {number} · {tier}</translation>
    </message>
    <message>
        <source>Looked after by {name}</source>
        <translation>專屬服務：{name}</translation>
    </message>
    <message>
        <source>Birthday {date}</source>
        <translation>生日 {date}</translation>
    </message>
    <message>
        <source>{occasion}: {date}</source>
        <translation>{occasion}：{date}</translation>
    </message>
    <message>
        <source>Greetings: {greetings} · Offers: {offers}</source>
        <translation>接收問候：{greetings} · 接收優惠：{offers}</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) available — tell them: {reward}</source>
        <translation>
            <numerusform>有%n份獎勵可領 — 請告知客戶：{reward}</numerusform>
        </translation>
    </message>
    <message>
        <source>{stamps} of {every} stamps</source>
        <translation>已集 {stamps}/{every} 點</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n visit(s)&lt;/b&gt; so far</source>
        <translation>
            <numerusform>至今&lt;b&gt;來店%n次&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No visits yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚無來店紀錄&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Last seen {ago} ({date})</source>
        <translation>上次光臨：{ago}（{date}）</translation>
    </message>
    <message numerus="yes">
        <source>Lifetime spend {amount} over %n purchase(s)</source>
        <translation>
            <numerusform>累計消費 {amount}，共%n筆</numerusform>
        </translation>
    </message>
    <message>
        <source>Favourites: {items}</source>
        <translation>常買：{items}</translation>
    </message>
    <message>
        <source>Loyalty ({rule}): {status}</source>
        <translation>集點卡（{rule}）：{status}</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>nothing noted yet</source>
        <translation>尚無紀錄</translation>
    </message>
    <message>
        <source>Dislikes / allergies</source>
        <translation>忌口 / 過敏</translation>
    </message>
    <message>
        <source>none noted</source>
        <translation>尚無紀錄</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>避免的話題</translation>
    </message>
    <message>
        <source>Kind of customer</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Open complaint: acknowledge it first — no cheerful small talk.</source>
        <translation>有未結客訴：請先回應客訴，不要輕鬆寒暄。</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未結客訴</translation>
    </message>
    <message>
        <source>Press Enter or click to open it</source>
        <translation>按 Enter 或點選開啟</translation>
    </message>
    <message>
        <source>Click or Enter opens it</source>
        <translation>點選或按 Enter 開啟</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有獎勵可領 — 請告知客戶</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次來店</translation>
    </message>
    <message>
        <source>Make them feel welcome</source>
        <translation>讓客戶感到賓至如歸</translation>
    </message>
</context>
<context>
    <name>DateRow</name>
    <message>
        <source>Wedding anniversary, daughter&apos;s birthday…</source>
        <translation>結婚紀念日、女兒生日…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or --MM-DD</source>
        <translation>YYYY-MM-DD 或 --MM-DD</translation>
    </message>
    <message>
        <source>Enter the date (YYYY-MM-DD, or --MM-DD without the year)</source>
        <translation>請輸入日期（YYYY-MM-DD；不知道年份時用 --MM-DD）</translation>
    </message>
    <message>
        <source>Say what the date is (e.g. wedding anniversary)</source>
        <translation>請註明這是什麼日期（如結婚紀念日）</translation>
    </message>
    <message>
        <source>Important date {n} label</source>
        <translation>重要日期 {n} 的名稱</translation>
    </message>
    <message>
        <source>Important date {n}</source>
        <translation>重要日期 {n}</translation>
    </message>
    <message>
        <source>Remove important date {n}</source>
        <translation>刪除重要日期 {n}</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Edit entry #{id}</source>
        <translation>編輯條目 #{id}</translation>
    </message>
    <message>
        <source>New phrasebook entry</source>
        <translation>新增話術條目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Taboo term — flag it when staff write it</source>
        <translation>禁用語 — 員工寫到時提示</translation>
    </message>
    <message>
        <source>Approved phrase — offer it in the phrase picker</source>
        <translation>推薦話術 — 在話術選擇器中提供</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>場景</translation>
    </message>
    <message>
        <source>Replacements, separated by |</source>
        <translation>替換說法，用 | 分隔</translation>
    </message>
    <message>
        <source>Certainly | Of course | 好的，马上为您办理</source>
        <translation>好的 | 當然可以 | 好的，馬上為您辦理</translation>
    </message>
    <message>
        <source>Exceptions, separated by |</source>
        <translation>例外，用 | 分隔</translation>
    </message>
    <message>
        <source>Longer phrases in which the term is fine: No Problem Tea</source>
        <translation>包含該詞但可以使用的較長說法：No Problem Tea</translation>
    </message>
    <message>
        <source>Si&amp;mplified/Traditional-insensitive</source>
        <translation>不區分簡繁體(&amp;M)</translation>
    </message>
    <message>
        <source>Match Simplified and Traditional Chinese alike</source>
        <translation>簡體與繁體中文一併比對</translation>
    </message>
    <message>
        <source>When ticked, 这里就是这样的 also flags 這裡就是這樣的 (and the other way round).</source>
        <translation>勾選後，这里就是这样的 也會標出 這裡就是這樣的（反之亦然）。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>類型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>嚴重程度(&amp;V)：</translation>
    </message>
    <message>
        <source>Sit&amp;uation:</source>
        <translation>場景(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Replacements:</source>
        <translation>替換說法(&amp;R)：</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <source>E&amp;xceptions:</source>
        <translation>例外(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save entry</source>
        <translation>儲存條目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The word or phrase staff should not use: no problem, 不知道</source>
        <translation>員工不應使用的詞語或說法：no problem、不知道</translation>
    </message>
    <message>
        <source>The phrase, with {preferred_name}, {agent_name} or {store} where they go</source>
        <translation>話術內容，在相應位置寫 {preferred_name}、{agent_name} 或 {store}</translation>
    </message>
    <message>
        <source>Why: shown to staff next to the flagged wording</source>
        <translation>原因：顯示在被標出的說法旁邊，供員工參考</translation>
    </message>
    <message>
        <source>A note for staff on when to use it (optional)</source>
        <translation>給員工的使用說明（選填）</translation>
    </message>
    <message>
        <source>Reason shown to staff</source>
        <translation>向員工顯示的原因</translation>
    </message>
    <message>
        <source>Note for staff</source>
        <translation>給員工的說明</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未儲存：{reason}</translation>
    </message>
    <message>
        <source>entry #{id}: {entry}</source>
        <translation>條目 #{id}：{entry}</translation>
    </message>
    <message>
        <source>Not saved: 1 problem.</source>
        <translation>未儲存：有 1 個問題。</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problems.</source>
        <translation>
            <numerusform>未儲存：有 %n 個問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>Also involved:</source>
        <translation>另外涉及：</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drink</source>
        <translation>飲品</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>食品</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售商品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>e.g. Earl Grey tea, 茉莉花茶</source>
        <translation>例如：伯爵茶、茉莉花茶</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Enter the price</source>
        <translation>請輸入價格</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money (at most 2 decimals)</source>
        <translation>「{text}」不是有效金額（最多兩位小數）</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money</source>
        <translation>「{text}」不是有效金額</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>價格不能為負數</translation>
    </message>
    <message>
        <source>A price cannot be more than {limit}</source>
        <translation>單價不能超過 {limit}</translation>
    </message>
    <message>
        <source>Enter what was bought</source>
        <translation>請輸入所購商品</translation>
    </message>
    <message>
        <source>Item {n} name</source>
        <translation>第 {n} 項商品名稱</translation>
    </message>
    <message>
        <source>Item {n} category</source>
        <translation>第 {n} 項類別</translation>
    </message>
    <message>
        <source>Item {n} quantity</source>
        <translation>第 {n} 項數量</translation>
    </message>
    <message>
        <source>Item {n} unit price</source>
        <translation>第 {n} 項單價</translation>
    </message>
    <message>
        <source>Remove item {n}</source>
        <translation>刪除第 {n} 項</translation>
    </message>
    <message>
        <source>Item {n} total</source>
        <translation>第 {n} 項小計</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Add a new customer</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>DEMO — Service Console (made-up customers)</source>
        <translation>示範 — 服務台（虛構客戶）</translation>
    </message>
    <message>
        <source>Service Console, demo with made-up customers</source>
        <translation>服務台示範版，客戶皆為虛構</translation>
    </message>
    <message>
        <source>Service Console</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>示範</translation>
    </message>
    <message>
        <source>Demo database: every customer here is made up. Real work goes in a normal launch.</source>
        <translation>示範資料庫：這裡的客戶都是虛構的。實際工作請用一般方式啟動。</translation>
    </message>
    <message>
        <source>Demo database with made-up customers</source>
        <translation>含虛構客戶的示範資料庫</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜尋客戶</translation>
    </message>
    <message>
        <source>Find a customer: name, 拼音, phone or its last 4 digits, member no., email  (Ctrl+K or /)</source>
        <translation>尋找客戶：姓名、拼音、電話或末4碼、會員編號、電子郵件（Ctrl+K 或 /）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Show Today&apos;s lists beside the customer (Ctrl+T)</source>
        <translation>在客戶旁顯示今日清單（Ctrl+T）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>尋找客戶(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新增客戶(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>編輯客戶(&amp;E)…</translation>
    </message>
    <message>
        <source>Log &amp;visit</source>
        <translation>登記來店(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;purchase…</source>
        <translation>新增消費(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reward given</source>
        <translation>已兌換獎勵(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Phrasebook…</source>
        <translation>話術庫(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Phrasebook — Service Console</source>
        <translation>話術庫 — 服務台</translation>
    </message>
    <message>
        <source>Open a customer first (search with Ctrl+K).</source>
        <translation>請先開啟一位客戶（按 Ctrl+K 搜尋）。</translation>
    </message>
    <message>
        <source>Not done, nothing was changed: {error}</source>
        <translation>未完成，沒有做任何變更：{error}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>發生錯誤：{error}</translation>
    </message>
    <message>
        <source>&amp;Add “{query}” as a new customer (Ctrl+N)</source>
        <translation>將「{query}」新增為新客戶(&amp;A)（Ctrl+N）</translation>
    </message>
    <message numerus="yes">
        <source>%n found — Enter opens the highlighted customer, ↓ moves down.</source>
        <translation>
            <numerusform>找到%n位 — 按 Enter 開啟選取的客戶，按 ↓ 向下移動。</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer matches “{query}”. Press Ctrl+N to add them.</source>
        <translation>沒有符合「{query}」的客戶。按 Ctrl+N 新增。</translation>
    </message>
    <message>
        <source>Customer #{number} no longer exists.</source>
        <translation>客戶 #{number} 已不存在。</translation>
    </message>
    <message>
        <source>Visit logged for {name}.</source>
        <translation>已為 {name} 登記來店。</translation>
    </message>
    <message>
        <source>No reward is available for this customer yet.</source>
        <translation>此客戶尚無可領取的獎勵。</translation>
    </message>
    <message>
        <source>Reward recorded as given.</source>
        <translation>已記錄獎勵兌換。</translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation>客戶已儲存。</translation>
    </message>
    <message>
        <source>The phrasebook is not available here.</source>
        <translation>此處無法使用話術庫。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>a trainer</source>
        <translation>培訓師</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培訓師</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>read customer</source>
        <translation>查看客戶</translation>
    </message>
    <message>
        <source>edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>log visit</source>
        <translation>登記到店</translation>
    </message>
    <message>
        <source>log purchase</source>
        <translation>登記購買</translation>
    </message>
    <message>
        <source>log complaint</source>
        <translation>登記投訴</translation>
    </message>
    <message>
        <source>edit phrasebook</source>
        <translation>編輯話術庫</translation>
    </message>
    <message>
        <source>void complaint</source>
        <translation>作廢投訴</translation>
    </message>
    <message>
        <source>view reports</source>
        <translation>查看報表</translation>
    </message>
    <message>
        <source>export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>back up</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>erase customer</source>
        <translation>刪除客戶資料</translation>
    </message>
    <message>
        <source>view audit</source>
        <translation>查看稽核紀錄</translation>
    </message>
    <message>
        <source>manage staff</source>
        <translation>管理員工</translation>
    </message>
    <message>
        <source>edit settings</source>
        <translation>修改設定</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建立</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>處理中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回訪</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已結案</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作廢</translation>
    </message>
    <message>
        <source>start</source>
        <translation>開始處理</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>回訪</translation>
    </message>
    <message>
        <source>close</source>
        <translation>結案</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <source>void</source>
        <translation>作廢</translation>
    </message>
    <message>
        <source>taboo</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>推薦</translation>
    </message>
    <message>
        <source>{role} may not {action} (ask: {who})</source>
        <translation>{role}無權{action}（請找：{who}）</translation>
    </message>
    <message>
        <source>unknown role &apos;{text}&apos; (use one of: {allowed})</source>
        <translation>未知角色「{text}」（可用：{allowed}）</translation>
    </message>
    <message>
        <source>Pick the customer, or type the caller&apos;s name or contact.</source>
        <translation>請選擇客戶，或填寫來電人的姓名或聯絡方式。</translation>
    </message>
    <message>
        <source>Write down what happened, in the customer&apos;s words.</source>
        <translation>請用客戶的原話記下事情經過。</translation>
    </message>
    <message>
        <source>Say what the compensation was.</source>
        <translation>請寫明補償內容。</translation>
    </message>
    <message>
        <source>A compensation amount cannot be negative.</source>
        <translation>補償金額不能為負數。</translation>
    </message>
    <message>
        <source>Not solved on the spot: tell the customer when we will reply.</source>
        <translation>未能當場解決：請告訴客戶我們何時答覆。</translation>
    </message>
    <message>
        <source>The reply time must be in the future.</source>
        <translation>答覆時間必須晚於現在。</translation>
    </message>
    <message>
        <source>The reply time needs a time zone.</source>
        <translation>答覆時間需要帶時區。</translation>
    </message>
    <message>
        <source>There is no customer #{customer_id}.</source>
        <translation>沒有編號為 #{customer_id} 的客戶。</translation>
    </message>
    <message>
        <source>A new complaint is new, or resolved when solved on the spot.</source>
        <translation>新投訴的狀態只能是「新建立」，當場解決的為「已解決」。</translation>
    </message>
    <message>
        <source>A voided complaint cannot be edited.</source>
        <translation>已作廢的投訴不能編輯。</translation>
    </message>
    <message>
        <source>Say why the complaint is voided.</source>
        <translation>請說明作廢投訴的原因。</translation>
    </message>
    <message>
        <source>Record the follow-up call with the customer&apos;s satisfaction.</source>
        <translation>請登記回訪電話並記下客戶滿意度。</translation>
    </message>
    <message>
        <source>satisfaction must be {low}–{high}</source>
        <translation>滿意度須為 {low}–{high}</translation>
    </message>
    <message>
        <source>only an open complaint&apos;s promise can be extended</source>
        <translation>只有未結案投訴的答覆時間可以延後</translation>
    </message>
    <message>
        <source>say why the promise is extended (the customer will ask)</source>
        <translation>請說明延後答覆的原因（客戶會問）</translation>
    </message>
    <message>
        <source>the new reply time must be in the future</source>
        <translation>新的答覆時間必須晚於現在</translation>
    </message>
    <message>
        <source>an extension must be later than the current promise</source>
        <translation>延後的時間必須晚於目前承諾的時間</translation>
    </message>
    <message>
        <source>cannot {action} a complaint that is {status} (allowed: {allowed})</source>
        <translation>狀態為「{status}」的投訴不能{action}（可以：{allowed}）</translation>
    </message>
    <message>
        <source>Keep each queue name under {limit} characters.</source>
        <translation>每個隊列名稱請少於 {limit} 個字元。</translation>
    </message>
    <message>
        <source>{n}th</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>{n}st</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>{n}nd</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>{n}rd</source>
        <translation>第 {n}</translation>
    </message>
    <message>
        <source>item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>every {nth} {noun} free</source>
        <translation>{noun}每{nth} 件免費</translation>
    </message>
    <message>
        <source>every {nth} {noun} earns {reward}</source>
        <translation>{noun}每{nth} 件可得：{reward}</translation>
    </message>
    <message>
        <source>{summary} — we promised an answer by {due}</source>
        <translation>{summary} — 我們承諾在 {due} 前答覆</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>solved on the spot</source>
        <translation>當場解決</translation>
    </message>
    <message>
        <source>promised</source>
        <translation>已承諾</translation>
    </message>
    <message>
        <source>dissatisfied at follow-up</source>
        <translation>回訪時不滿意</translation>
    </message>
    <message>
        <source>linked to customer #{customer_id}</source>
        <translation>已關聯客戶 #{customer_id}</translation>
    </message>
    <message>
        <source>console</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>整個公司</translation>
    </message>
    <message>
        <source>person</source>
        <translation>個人</translation>
    </message>
    <message>
        <source>scope: {scope}</source>
        <translation>範圍：{scope}</translation>
    </message>
    <message>
        <source>reward given</source>
        <translation>已發放獎勵</translation>
    </message>
    <message>
        <source>merged into #{keep}</source>
        <translation>已合併到 #{keep}</translation>
    </message>
    <message>
        <source>#{other} merged into #{keep}</source>
        <translation>#{other} 已合併到 #{keep}</translation>
    </message>
    <message>
        <source>everything about the customer (JSON)</source>
        <translation>該客戶的全部資料（JSON）</translation>
    </message>
    <message>
        <source>{count} entry as CSV</source>
        <translation>{count} 筆紀錄（CSV）</translation>
    </message>
    <message>
        <source>{count} entries as CSV</source>
        <translation>{count} 筆紀錄（CSV）</translation>
    </message>
    <message>
        <source>That name and PIN do not match an account.</source>
        <translation>姓名和 PIN 碼對不上任何帳號。</translation>
    </message>
    <message>
        <source>This account is switched off; ask an admin.</source>
        <translation>此帳號已停用，請聯絡管理員。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this account is locked for {minutes} more minute.</source>
        <translation>PIN 碼錯誤次數過多：此帳號還要鎖定 {minutes} 分鐘。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this account is locked for {minutes} more minutes.</source>
        <translation>PIN 碼錯誤次數過多：此帳號還要鎖定 {minutes} 分鐘。</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>PIN 碼錯誤</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>帳號已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>帳號已鎖定</translation>
    </message>
    <message>
        <source>too many wrong PINs</source>
        <translation>PIN 碼錯誤次數過多</translation>
    </message>
    <message>
        <source>an item</source>
        <translation>某件商品</translation>
    </message>
    <message>
        <source>Add at least one item</source>
        <translation>請至少新增一項商品</translation>
    </message>
    <message>
        <source>Every item needs a name</source>
        <translation>每項商品都需要名稱</translation>
    </message>
    <message>
        <source>{name}: quantity must be at least 1</source>
        <translation>{name}：數量至少為 1</translation>
    </message>
    <message>
        <source>{name}: quantity {quantity} is more than {limit}</source>
        <translation>{name}：數量 {quantity} 超過上限 {limit}</translation>
    </message>
    <message>
        <source>{name}: price cannot be negative</source>
        <translation>{name}：價格不能為負數</translation>
    </message>
    <message>
        <source>{name}: price {price} is more than {limit}</source>
        <translation>{name}：價格 {price} 超過上限 {limit}</translation>
    </message>
    <message>
        <source>the purchase total {total} is more than {limit}</source>
        <translation>本次消費總額 {total} 超過上限 {limit}</translation>
    </message>
    <message>
        <source>a withheld number</source>
        <translation>隱藏的號碼</translation>
    </message>
    <message>
        <source>this call is no longer in the log</source>
        <translation>這通來電已不在紀錄中</translation>
    </message>
    <message>
        <source>{number} is not a phone number</source>
        <translation>{number}不是電話號碼</translation>
    </message>
    <message>
        <source>customer #{customer_id} no longer exists</source>
        <translation>客戶 #{customer_id} 已不存在</translation>
    </message>
    <message>
        <source>there is already a staff member called &apos;{name}&apos;</source>
        <translation>已有名為「{name}」的員工</translation>
    </message>
    <message>
        <source>{reasons}</source>
        <translation>{reasons}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (save it as “CSV UTF-8” or JSON)</source>
        <translation>檔案不是 UTF-8 文字（請另存為「CSV UTF-8」或 JSON）</translation>
    </message>
    <message>
        <source>broken CSV ({detail}); check the quotes on this row</source>
        <translation>CSV 格式損壞（{detail}），請檢查這一列的引號</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found}</source>
        <translation>應有 {expected} 個儲存格，實際有 {found} 個</translation>
    </message>
    <message>
        <source>{field} must be {yes} or {no}, not {value}</source>
        <translation>{field} 必須是 {yes} 或 {no}，不能是 {value}</translation>
    </message>
    <message>
        <source>{field} must be {yes} or {no}</source>
        <translation>{field} 必須是 {yes} 或 {no}</translation>
    </message>
    <message>
        <source>the file is empty (expected the header {header})</source>
        <translation>檔案是空的（應有標題列 {header}）</translation>
    </message>
    <message>
        <source>the header must be {header} (optionally followed by {optional}), found {found}</source>
        <translation>標題列必須是 {header}（後面可再加 {optional}），實際是 {found}</translation>
    </message>
    <message>
        <source>a JSON phrasebook must be a list of objects</source>
        <translation>JSON 話術庫必須是物件清單</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>此處應為「,」或「]」</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>巢狀層級過深</translation>
    </message>
    <message>
        <source>unexpected text after the list</source>
        <translation>清單後面有多餘的文字</translation>
    </message>
    <message>
        <source>broken JSON: {detail}</source>
        <translation>JSON 格式損壞：{detail}</translation>
    </message>
    <message>
        <source>holds a lone surrogate ({span}), not text</source>
        <translation>含有單獨的代理碼位（{span}），不是文字</translation>
    </message>
    <message>
        <source>each item must be an object with the phrasebook fields</source>
        <translation>每一項都必須是包含話術庫欄位的物件</translation>
    </message>
    <message>
        <source>unknown field(s) {names}</source>
        <translation>未知欄位 {names}</translation>
    </message>
    <message>
        <source>{field} must be a string</source>
        <translation>{field} 必須是字串</translation>
    </message>
    <message>
        <source>{field} must be a list of strings</source>
        <translation>{field} 必須是字串清單</translation>
    </message>
    <message>
        <source>{field} item {item} contains &apos;{separator}&apos;, which CSV files cannot hold</source>
        <translation>{field} 中的 {item} 含有「{separator}」，CSV 檔案無法儲存</translation>
    </message>
    <message>
        <source>{field} is empty</source>
        <translation>{field} 是空的</translation>
    </message>
    <message>
        <source>{field} is empty (use {some} or {last})</source>
        <translation>{field} 是空的（請填 {some} 或 {last}）</translation>
    </message>
    <message>
        <source>a taboo row needs a {field} ({some} or {last})</source>
        <translation>禁忌詞列需要填寫 {field}（{some} 或 {last}）</translation>
    </message>
    <message>
        <source>an approved row needs a {field} ({allowed})</source>
        <translation>推薦話術列需要填寫 {field}（{allowed}）</translation>
    </message>
    <message>
        <source>{field} is only for approved rows</source>
        <translation>{field} 只能用於推薦話術列</translation>
    </message>
    <message>
        <source>{field} is only for taboo rows</source>
        <translation>{field} 只能用於禁忌詞列</translation>
    </message>
    <message>
        <source>{field} are only for taboo rows</source>
        <translation>{field} 只能用於禁忌詞列</translation>
    </message>
    <message>
        <source>unknown {what} {text} (use one of: {allowed})</source>
        <translation>未知的 {what} {text}（可用：{allowed}）</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>第 {line} 行，{column} 欄</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>byte {byte} is not UTF-8; save the file as UTF-8 (in Excel: &apos;CSV UTF-8&apos;)</source>
        <translation>位元組 {byte} 不是 UTF-8；請將檔案另存為 UTF-8（在 Excel 中選「CSV UTF-8」）</translation>
    </message>
    <message>
        <source>the file is not UTF-8; save the file as UTF-8 (in Excel: &apos;CSV UTF-8&apos;)</source>
        <translation>檔案不是 UTF-8；請將檔案另存為 UTF-8（在 Excel 中選「CSV UTF-8」）</translation>
    </message>
    <message>
        <source>a cell is longer than {limit} characters (is a closing quote missing?)</source>
        <translation>有儲存格超過 {limit} 個字元（是否缺少右引號？）</translation>
    </message>
    <message>
        <source>a quoted cell that starts in this record is never closed</source>
        <translation>這筆記錄中有帶引號的儲存格沒有結束引號</translation>
    </message>
    <message>
        <source>broken quoting in this record ({detail}); double a quote inside a cell</source>
        <translation>這筆記錄的引號有誤（{detail}）；儲存格內的引號請寫兩次</translation>
    </message>
    <message>
        <source>too many columns: {count}; at most {most}</source>
        <translation>欄數過多：{count} 欄；最多 {most} 欄</translation>
    </message>
    <message>
        <source>unknown column {name} (allowed columns: {allowed})</source>
        <translation>未知的欄位 {name}（可用的欄位：{allowed}）</translation>
    </message>
    <message>
        <source>column {name} appears twice</source>
        <translation>{name} 欄出現了兩次</translation>
    </message>
    <message>
        <source>the header has no {name} column (allowed columns: {allowed})</source>
        <translation>標題列缺少 {name} 欄（可用的欄位：{allowed}）</translation>
    </message>
    <message>
        <source>the file is empty; expected a header row of customer columns</source>
        <translation>檔案是空的；應有一列客戶資料的標題列</translation>
    </message>
    <message>
        <source>the file is empty; expected a header row of purchase columns</source>
        <translation>檔案是空的；應有一列購買記錄的標題列</translation>
    </message>
    <message>
        <source>the record has {cells} cells but the header has {header}</source>
        <translation>這筆記錄有 {cells} 個儲存格，但標題列有 {header} 個</translation>
    </message>
    <message>
        <source>cell {position} has a value but its column has no header</source>
        <translation>第 {position} 個儲存格有內容，但所在欄沒有標題</translation>
    </message>
    <message>
        <source>phone {phone} is already used on line {first}</source>
        <translation>電話 {phone} 已在第 {first} 行使用</translation>
    </message>
    <message>
        <source>phone {phone} is listed twice in this cell</source>
        <translation>電話 {phone} 在這個儲存格中出現了兩次</translation>
    </message>
    <message>
        <source>{text} is not a valid email address</source>
        <translation>{text} 不是有效的電子郵件地址</translation>
    </message>
    <message>
        <source>email {email} is already used on line {first}</source>
        <translation>電子郵件 {email} 已在第 {first} 行使用</translation>
    </message>
    <message>
        <source>member number {member_no} is already used on line {first}</source>
        <translation>會員編號 {member_no} 已在第 {first} 行使用</translation>
    </message>
    <message>
        <source>the header needs a {member} or a {phone} column to find the customer</source>
        <translation>標題列需要 {member} 或 {phone} 欄才能找到客戶</translation>
    </message>
    <message>
        <source>the row needs a member number or a phone number</source>
        <translation>這一列需要會員編號或電話號碼</translation>
    </message>
    <message>
        <source>quantity × price is more than {most}</source>
        <translation>數量 × 單價超過 {most}</translation>
    </message>
    <message>
        <source>{value} already belongs to {name} (#{customer_id})</source>
        <translation>{value} 已屬於 {name}（#{customer_id}）</translation>
    </message>
    <message>
        <source>no customer with member {member_no}</source>
        <translation>沒有會員編號為 {member_no} 的客戶</translation>
    </message>
    <message>
        <source>no customer with phone {phone}</source>
        <translation>沒有電話為 {phone} 的客戶</translation>
    </message>
    <message>
        <source>{text} is not a date (use {some} or {last})</source>
        <translation>{text} 不是日期（請用 {some} 或 {last}）</translation>
    </message>
    <message>
        <source>{text} is not a real date and time ({detail})</source>
        <translation>{text} 不是真實存在的日期時間（{detail}）</translation>
    </message>
    <message>
        <source>quantity {text} is not a positive whole number</source>
        <translation>數量 {text} 不是正整數</translation>
    </message>
    <message>
        <source>quantity {text} is more than {most}</source>
        <translation>數量 {text} 超過 {most}</translation>
    </message>
    <message>
        <source>{text} is not an amount of money (write for example {example})</source>
        <translation>{text} 不是金額（例如寫成 {example}）</translation>
    </message>
    <message>
        <source>price {text} is more than {most}</source>
        <translation>單價 {text} 超過 {most}</translation>
    </message>
    <message>
        <source>price {text} is more than {most} per unit</source>
        <translation>單價 {text} 超過每件 {most}</translation>
    </message>
    <message>
        <source>price {text} is negative</source>
        <translation>單價 {text} 是負數</translation>
    </message>
    <message>
        <source>currency {text} is not a three-letter code such as {example}</source>
        <translation>幣別 {text} 不是 {example} 這樣的三字母代碼</translation>
    </message>
    <message>
        <source>say why the customer is erased (e.g. &apos;customer asked&apos;)</source>
        <translation>請說明清除該客戶資料的原因（例如：客戶本人要求）</translation>
    </message>
    <message>
        <source>{target} is a folder or a device, not a file a backup can replace</source>
        <translation>{target} 是資料夾或裝置，不是備份可以覆蓋的檔案</translation>
    </message>
    <message>
        <source>the backup copy failed its integrity check, so {target} was not written; the database itself may be damaged (details in the log)</source>
        <translation>備份副本未通過完整性檢查，因此沒有寫入 {target}；資料庫本身可能已損壞（詳見記錄檔）</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full, so the backup was not written; free some space (or choose another backup folder) and try again</source>
        <translation>{folder} 所在的磁碟已滿，備份未寫入；請騰出空間（或選擇其他備份資料夾）後重試</translation>
    </message>
    <message>
        <source>the database is damaged, so no sound backup could be written to {target} (details in the log)</source>
        <translation>資料庫已損壞，無法向 {target} 寫入完好的備份（詳見記錄檔）</translation>
    </message>
    <message>
        <source>the backup to {target} failed: {detail}</source>
        <translation>備份到 {target} 失敗：{detail}</translation>
    </message>
    <message>
        <source>the backup to {target} could not be written: {detail}</source>
        <translation>無法寫入備份 {target}：{detail}</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} 不是檔案</translation>
    </message>
    <message>
        <source>{path} is not a Service Console backup (not an SQLite file), or it is encrypted with a key this database does not have; nothing changed</source>
        <translation>{path} 不是 Service Console 的備份（不是 SQLite 檔案），或者它用本資料庫沒有的金鑰加密；未作任何變更</translation>
    </message>
    <message>
        <source>{path} is encrypted with another key (or is not a backup); nothing changed</source>
        <translation>{path} 用另一個金鑰加密（或者不是備份）；未作任何變更</translation>
    </message>
    <message>
        <source>{path} is damaged or cut short (details in the log); choose another backup — nothing changed</source>
        <translation>{path} 已損壞或不完整（詳見記錄檔）；請選擇其他備份——未作任何變更</translation>
    </message>
    <message>
        <source>{path} could not be opened: {detail}</source>
        <translation>無法開啟 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} is damaged (details in the log); choose another backup — nothing changed</source>
        <translation>{path} 已損壞（詳見記錄檔）；請選擇其他備份——未作任何變更</translation>
    </message>
    <message>
        <source>{path} is not a Service Console backup; nothing changed</source>
        <translation>{path} 不是 Service Console 的備份；未作任何變更</translation>
    </message>
    <message>
        <source>{path} is damaged or not a database (details in the log); choose another backup — nothing changed</source>
        <translation>{path} 已損壞或不是資料庫（詳見記錄檔）；請選擇其他備份——未作任何變更</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Service Console (schema {schema}); update the app first — nothing changed</source>
        <translation>{path} 由較新版本的 Service Console 寫入（資料結構版本 {schema}）；請先更新程式——未作任何變更</translation>
    </message>
    <message>
        <source>{path} belongs to another program; nothing changed</source>
        <translation>{path} 屬於其他程式；未作任何變更</translation>
    </message>
    <message>
        <source>{backup} is plain but the database is encrypted; nothing changed</source>
        <translation>{backup} 未加密，但資料庫已加密；未作任何變更</translation>
    </message>
    <message>
        <source>{backup} is encrypted but the database is plain; nothing changed</source>
        <translation>{backup} 已加密，但資料庫未加密；未作任何變更</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>sign-in attempts</source>
        <translation>登入嘗試紀錄</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>稽核條目</translation>
    </message>
    <message>
        <source>sign-in attempt</source>
        <translation>登入嘗試</translation>
    </message>
    <message>
        <source>inserted outside the app (it has no chain hash)</source>
        <translation>在應用程式之外插入（沒有鏈雜湊值）</translation>
    </message>
    <message>
        <source>inserted outside the app (after the recorded end of the chain)</source>
        <translation>在應用程式之外插入（位於記錄的鏈尾之後）</translation>
    </message>
    <message>
        <source>{count} entry before it ({span}) missing (deleted)</source>
        <translation>它之前的 {count} 筆紀錄（{span}）遺失（已被刪除）</translation>
    </message>
    <message>
        <source>{count} entries before it ({span}) missing (deleted)</source>
        <translation>它之前的 {count} 筆紀錄（{span}）遺失（已被刪除）</translation>
    </message>
    <message>
        <source>inserted out of order: it does not follow the entry before it</source>
        <translation>插入順序有誤：它沒有接在前一筆紀錄之後</translation>
    </message>
    <message>
        <source>changed after it was recorded (who, when, what or which record differ)</source>
        <translation>記錄後被修改（人員、時間、動作或所涉紀錄不一致）</translation>
    </message>
    <message>
        <source>changed after it was recorded (its field values differ)</source>
        <translation>記錄後被修改（欄位值不一致）</translation>
    </message>
    <message>
        <source>its field values were blanked without an erasure recording it</source>
        <translation>欄位值被清空，卻沒有相應的清除紀錄</translation>
    </message>
    <message>
        <source>its time is not a time</source>
        <translation>它的時間不是有效時間</translation>
    </message>
    <message>
        <source>inserted out of order: dated before entry #{entry_id} ({at})</source>
        <translation>插入順序有誤：日期早於紀錄 #{entry_id}（{at}）</translation>
    </message>
    <message>
        <source>the newest entries ({span}) are missing (deleted)</source>
        <translation>最新的紀錄（{span}）遺失（已被刪除）</translation>
    </message>
    <message>
        <source>replaced after it was recorded (the end differs)</source>
        <translation>記錄後被替換（鏈尾不一致）</translation>
    </message>
    <message>
        <source>the number of entries differs</source>
        <translation>紀錄筆數不一致</translation>
    </message>
    <message>
        <source>{chain} broken at {what} #{entry_id}: {problem}</source>
        <translation>{chain}在{what} #{entry_id} 處斷裂：{problem}</translation>
    </message>
    <message>
        <source>{chain} broken at {what} #{entry_id} ({at}): {problem}</source>
        <translation>{chain}在{what} #{entry_id}（{at}）處斷裂：{problem}</translation>
    </message>
    <message>
        <source>backed up {customers} customers to {path} ({size} bytes)</source>
        <translation>已將 {customers} 位客戶備份到 {path}（{size} 位元組）</translation>
    </message>
    <message>
        <source>warning: the backup was made, but the {problems}</source>
        <translation>警告：備份已完成，但{problems}</translation>
    </message>
    <message>
        <source>{file} is a sound backup ({customers} customers); add {option} to replace {live} with it (close the app first)</source>
        <translation>{file} 是完好的備份（{customers} 位客戶）；加上 {option} 即可用它取代 {live}（請先關閉服務台）</translation>
    </message>
    <message>
        <source>{refusal} (nothing was restored)</source>
        <translation>{refusal}（未還原任何內容）</translation>
    </message>
    <message>
        <source>restored {customers} customers into {live}</source>
        <translation>已將 {customers} 位客戶還原到 {live}</translation>
    </message>
    <message>
        <source>; the previous database was saved to {safety}</source>
        <translation>；原先的資料庫已儲存到 {safety}</translation>
    </message>
    <message>
        <source>; {count} customer(s) erased since that backup were erased again</source>
        <translation>；該備份之後清除的 {count} 位客戶已再次清除</translation>
    </message>
    <message>
        <source>the passphrase needs at least {least} characters</source>
        <translation>通關密語至少需要 {least} 個字元</translation>
    </message>
    <message>
        <source>encrypted {path} ({tables} tables, {rows} rows) with your passphrase; the plain file was overwritten and removed</source>
        <translation>已用您的通關密語加密 {path}（{tables} 個資料表，{rows} 列）；未加密的檔案已被覆寫並刪除</translation>
    </message>
    <message>
        <source>encrypted {path} ({tables} tables, {rows} rows) with a key kept in this computer&apos;s keychain; the plain file was overwritten and removed</source>
        <translation>已用儲存在本機密碼鑰匙圈中的金鑰加密 {path}（{tables} 個資料表，{rows} 列）；未加密的檔案已被覆寫並刪除</translation>
    </message>
    <message>
        <source>{option} must be at least 1</source>
        <translation>{option} 至少要是 1</translation>
    </message>
    <message>
        <source>give a {query} or {jsonl}, not both</source>
        <translation>請給出 {query} 或 {jsonl}，不要兩個都給</translation>
    </message>
    <message>
        <source>give a {query} (or {jsonl} to read queries from stdin)</source>
        <translation>請給出 {query}（或用 {jsonl} 從標準輸入讀取查詢）</translation>
    </message>
    <message>
        <source>give {text} or {jsonl}, not both</source>
        <translation>請給出 {text} 或 {jsonl}，不要兩個都給</translation>
    </message>
    <message>
        <source>say what to import: {customers} or {purchases}</source>
        <translation>請說明要匯入什麼：{customers} 或 {purchases}</translation>
    </message>
    <message>
        <source>say what to export: {customers}</source>
        <translation>請說明要匯出什麼：{customers}</translation>
    </message>
    <message>
        <source>say what to do: {import_} or {export}</source>
        <translation>請說明要做什麼：{import_} 或 {export}</translation>
    </message>
    <message>
        <source>say what to do: {actions} or {last}</source>
        <translation>請說明要做什麼：{actions} 或 {last}</translation>
    </message>
    <message>
        <source>{option} {region} is not a region code such as {examples} or {last}</source>
        <translation>{option} {region} 不是地區代碼（例如 {examples} 或 {last}）</translation>
    </message>
    <message>
        <source>{problem}; or say {option}</source>
        <translation>{problem}；或者指定 {option}</translation>
    </message>
    <message>
        <source>{option} must be between 1 and 65535</source>
        <translation>{option} 必須在 1 到 65535 之間</translation>
    </message>
    <message>
        <source>argument {number} holds a {nul} character, which no file name or text may</source>
        <translation>第 {number} 個參數含有 {nul} 字元，檔名和文字都不能含有它</translation>
    </message>
    <message>
        <source>argument {number} is not UTF-8 text</source>
        <translation>第 {number} 個參數不是 UTF-8 文字</translation>
    </message>
    <message>
        <source>line {line}: not a JSON string</source>
        <translation>第 {line} 行：不是 JSON 字串</translation>
    </message>
    <message>
        <source>stdin line {line}: not a JSON string</source>
        <translation>標準輸入第 {line} 行：不是 JSON 字串</translation>
    </message>
    <message>
        <source>stdin is not UTF-8 text</source>
        <translation>標準輸入不是 UTF-8 文字</translation>
    </message>
    <message>
        <source>no customer found</source>
        <translation>沒有找到客戶</translation>
    </message>
    <message>
        <source>{path} is the demo database and already holds {count} made-up customers; open it with: {command}</source>
        <translation>{path} 是示範資料庫，已有 {count} 位虛構客戶；開啟方式：{command}</translation>
    </message>
    <message>
        <source>… {count} customers</source>
        <translation>…… {count} 位客戶</translation>
    </message>
    <message>
        <source>added {customers} customers, {visits} visits and {purchases} purchases to {path}</source>
        <translation>已在 {path} 新增 {customers} 位客戶、{visits} 次來店和 {purchases} 筆消費</translation>
    </message>
    <message>
        <source>they are made up, so the file is marked as a demo database (export refuses it); open it with: {command}</source>
        <translation>這些都是虛構的，因此該檔案已標記為示範資料庫（匯出會拒絕它）；開啟方式：{command}</translation>
    </message>
    <message>
        <source>added {count} complaints</source>
        <translation>已新增 {count} 筆客訴</translation>
    </message>
    <message>
        <source>{path} is a demo database of made-up customers, so nothing was exported; export your real customers from {real} instead.</source>
        <translation>{path} 是虛構客戶的示範資料庫，因此未匯出任何內容；請改從 {real} 匯出您的真實客戶。</translation>
    </message>
    <message>
        <source>exported {count} customers to {path}</source>
        <translation>已將 {count} 位客戶匯出到 {path}</translation>
    </message>
    <message>
        <source>imported {count} entries into &quot;{name}&quot;: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged</source>
        <translation>已向「{name}」匯入 {count} 筆：新增 {added} 筆，修改 {changed} 筆，刪除 {removed} 筆，{unchanged} 筆未變</translation>
    </message>
    <message>
        <source>imported {count} entries into &quot;{name}&quot; (new phrasebook): {added} added, {changed} changed, {removed} removed, {unchanged} unchanged</source>
        <translation>已向「{name}」（新話術庫）匯入 {count} 筆：新增 {added} 筆，修改 {changed} 筆，刪除 {removed} 筆，{unchanged} 筆未變</translation>
    </message>
    <message>
        <source>exported {count} entries of &quot;{name}&quot; to {path}</source>
        <translation>已將「{name}」的 {count} 筆匯出到 {path}</translation>
    </message>
    <message>
        <source>exported {count} entries of the active phrasebook to {path}</source>
        <translation>已將目前話術庫的 {count} 筆匯出到 {path}</translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}</source>
        <translation>無法讀取 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} cannot be written: {detail}</source>
        <translation>無法寫入 {path}：{detail}</translation>
    </message>
    <message>
        <source>the default phrasebook: {problem}</source>
        <translation>預設話術庫：{problem}</translation>
    </message>
    <message>
        <source>the disk is full: {path} was not completely written; free some space and try again</source>
        <translation>磁碟已滿：{path} 沒有完整寫入；請騰出空間後重試</translation>
    </message>
    <message>
        <source>the disk is full: the output was not completely written; free some space and try again</source>
        <translation>磁碟已滿：輸出沒有完整寫入；請騰出空間後重試</translation>
    </message>
    <message>
        <source>{path} could not be used: {detail}</source>
        <translation>無法使用 {path}：{detail}</translation>
    </message>
    <message>
        <source>a file could not be used: {detail}</source>
        <translation>有個檔案無法使用：{detail}</translation>
    </message>
    <message>
        <source>the input is nested too deeply to read</source>
        <translation>輸入的巢狀層級太深，無法讀取</translation>
    </message>
    <message>
        <source>unexpected error ({kind}); the command stopped — details are in {log}</source>
        <translation>意外錯誤（{kind}）；指令已停止——詳情見 {log}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置參數</translation>
    </message>
    <message>
        <source>options</source>
        <translation>選項</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>顯示此說明訊息並結束</translation>
    </message>
    <message>
        <source>{prog}: {problem} (see {prog} {help})</source>
        <translation>{prog}：{problem}（請看 {prog} {help}）</translation>
    </message>
    <message>
        <source>argument {argument_name}: {problem}</source>
        <translation>參數 {argument_name}：{problem}</translation>
    </message>
    <message>
        <source>the following arguments are required: {names}</source>
        <translation>缺少以下參數：{names}</translation>
    </message>
    <message>
        <source>one of the arguments {names} is required</source>
        <translation>必須給出以下參數之一：{names}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {names}</source>
        <translation>無法辨識的參數：{names}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>無效的選擇：{value}（可選：{choices}）</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>無效的 {type} 值：{value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一個值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多可以有一個值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一個值</translation>
    </message>
    <message>
        <source>not allowed with argument {other}</source>
        <translation>不能與參數 {other} 同時使用</translation>
    </message>
    <message>
        <source>ignored explicit argument {value}</source>
        <translation>已忽略明確給出的值 {value}</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>選項有歧義：{option} 可能是 {matches}</translation>
    </message>
    <message>
        <source>expected {count} argument</source>
        <translation>需要 {count} 個值</translation>
    </message>
    <message>
        <source>expected {count} arguments</source>
        <translation>需要 {count} 個值</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <source>a port number</source>
        <translation>連接埠號碼</translation>
    </message>
    <message>
        <source>a record number</source>
        <translation>紀錄編號</translation>
    </message>
    <message>
        <source>a count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>a limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>an offset</source>
        <translation>位移量</translation>
    </message>
    <message>
        <source>a seed</source>
        <translation>亂數種子</translation>
    </message>
    <message>
        <source>a number of customers</source>
        <translation>客戶數量</translation>
    </message>
    <message>
        <source>an average number of purchases</source>
        <translation>平均消費筆數</translation>
    </message>
    <message>
        <source>a number of complaints</source>
        <translation>客訴數量</translation>
    </message>
    <message>
        <source>{text} is not {what}</source>
        <translation>{text} 不是{what}</translation>
    </message>
    <message>
        <source>{what} must be from {low} to {high}</source>
        <translation>{what}必須在 {low} 到 {high} 之間</translation>
    </message>
    <message>
        <source>{text} is not a date like {example} ({form})</source>
        <translation>{text} 不是 {example} 這樣的日期（{form}）</translation>
    </message>
    <message>
        <source>{text} is out of range: use a date from {earliest} to {latest}</source>
        <translation>{text} 超出範圍：請用 {earliest} 到 {latest} 之間的日期</translation>
    </message>
    <message>
        <source>give the name you sign in with</source>
        <translation>請給出您登入時用的姓名</translation>
    </message>
    <message>
        <source>a name cannot hold control characters</source>
        <translation>姓名不能包含控制字元</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>{name} 的 PIN 碼</translation>
    </message>
    <message>
        <source>new PIN or password for {name}</source>
        <translation>{name} 的新 PIN 碼或密碼</translation>
    </message>
    <message>
        <source>again</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <source>{what}: </source>
        <translation>{what}：</translation>
    </message>
    <message>
        <source>{what} was expected on stdin</source>
        <translation>標準輸入中應當有{what}</translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was added</source>
        <translation>兩次輸入的 PIN 碼不一致；未新增任何帳號</translation>
    </message>
    <message>
        <source>added {role} {name} (#{staff_id})</source>
        <translation>已新增{role} {name}（#{staff_id}）</translation>
    </message>
    <message>
        <source>say what to do: {add} or {list}</source>
        <translation>請說明要做什麼：{add} 或 {list}</translation>
    </message>
    <message>
        <source>say what to do: {export} or {erase}</source>
        <translation>請說明要做什麼：{export} 或 {erase}</translation>
    </message>
    <message>
        <source>erasing cannot be undone: add {option}</source>
        <translation>清除後無法復原：請加上 {option}</translation>
    </message>
    <message>
        <source>accounts exist already: add {option} (an admin)</source>
        <translation>已經有帳號了：請加上 {option}（一位管理員）</translation>
    </message>
    <message>
        <source>say who reads the trail: {command} (a manager or admin)</source>
        <translation>請說明誰來查看稽核紀錄：{command}（經理或管理員）</translation>
    </message>
    <message>
        <source>{flag} must be a date like {example}, not {text}</source>
        <translation>{flag} 必須是 {example} 這樣的日期，而不是 {text}</translation>
    </message>
    <message>
        <source>audit trail intact: {entries} entries (newest #{head_id}, hash {hash}); sign-in attempts intact: {attempts}</source>
        <translation>稽核紀錄完整：{entries} 筆（最新 #{head_id}，雜湊值 {hash}）；登入嘗試紀錄完整：{attempts} 筆</translation>
    </message>
    <message>
        <source>no calls logged yet</source>
        <translation>還沒有通話紀錄</translation>
    </message>
    <message>
        <source>{option} needs a phone number</source>
        <translation>{option} 需要一個電話號碼</translation>
    </message>
    <message>
        <source>no call-event token yet: start the console once (it makes one), or set {env}</source>
        <translation>還沒有來電事件權杖：請先啟動一次服務台（它會產生權杖），或設定 {env}</translation>
    </message>
    <message>
        <source>the console at {url} refused the call ({status}): {detail}</source>
        <translation>{url} 上的服務台拒絕了這通來電（{status}）：{detail}</translation>
    </message>
    <message>
        <source>no console is listening at {url} ({reason}); is it running, and on this port ({port_option}, or the app&apos;s {app_option})?</source>
        <translation>{url} 上沒有服務台在監聽（{reason}）；它是否在執行，連接埠是否正確（{port_option}，或應用程式的 {app_option}）？</translation>
    </message>
    <message>
        <source>sent {event} from {number} ({call_id}) to {url}: accepted {reply}</source>
        <translation>已將來自 {number} 的 {event}（{call_id}）傳送到 {url}：已接受 {reply}</translation>
    </message>
    <message>
        <source>{key} = {now}; was {was}</source>
        <translation>{key} = {now}；原為 {was}</translation>
    </message>
    <message>
        <source>{key} = {now} (the default); was {was}</source>
        <translation>{key} = {now}（預設值）；原為 {was}</translation>
    </message>
    <message>
        <source>say what to do: {command}</source>
        <translation>請說明要做什麼：{command}</translation>
    </message>
    <message>
        <source>say what to report: {command}</source>
        <translation>請說明要報告什麼：{command}</translation>
    </message>
    <message>
        <source>{option} cannot be negative</source>
        <translation>{option} 不能是負數</translation>
    </message>
    <message>
        <source>{overdue} lists open complaints; {option} {status} is not open</source>
        <translation>{overdue} 只列出未結的客訴；{option} {status} 不是未結狀態</translation>
    </message>
    <message>
        <source>{flag} {text} is not a date such as {example}</source>
        <translation>{flag} {text} 不是 {example} 這樣的日期</translation>
    </message>
    <message>
        <source>{start} must not be after {end}</source>
        <translation>{start} 不能晚於 {end}</translation>
    </message>
    <message>
        <source>{start} must not be after the end of the current month</source>
        <translation>{start} 不能晚於本月底</translation>
    </message>
    <message>
        <source>complaints {date_from} to {date_to}</source>
        <translation>客訴 {date_from} 至 {date_to}</translation>
    </message>
    <message>
        <source>complaints {date_from} to {date_to} at {store}</source>
        <translation>客訴 {date_from} 至 {date_to}，門市：{store}</translation>
    </message>
    <message>
        <source>received: {count}</source>
        <translation>收到：{count}</translation>
    </message>
    <message>
        <source>by category: {items}</source>
        <translation>依類別：{items}</translation>
    </message>
    <message>
        <source>by status: {items}</source>
        <translation>依狀態：{items}</translation>
    </message>
    <message>
        <source>median first response: {first} min; median resolution: {resolution} h</source>
        <translation>首次回覆時間中位數：{first} 分鐘；解決時間中位數：{resolution} 小時</translation>
    </message>
    <message>
        <source>promises kept on time: {kept}/{made} ({pct})</source>
        <translation>準時兌現的承諾：{kept}/{made}（{pct}）</translation>
    </message>
    <message>
        <source>follow-ups within 7 days: {done}/{due} ({pct})</source>
        <translation>7 天內回訪：{done}/{due}（{pct}）</translation>
    </message>
    <message>
        <source>dissatisfied at follow-up: {count}/{of} ({pct})</source>
        <translation>回訪時不滿意：{count}/{of}（{pct}）</translation>
    </message>
    <message>
        <source>repeat complainers: {repeat}; product feedback: {product}; training feedback: {training}</source>
        <translation>重複客訴的客戶：{repeat}；產品回饋：{product}；培訓回饋：{training}</translation>
    </message>
    <message>
        <source>say what to do: {first} or {second}</source>
        <translation>請說明要做什麼：{first} 或 {second}</translation>
    </message>
    <message>
        <source>say which server: {option} (or set {env})</source>
        <translation>請說明是哪台伺服器：{option}（或設定 {env}）</translation>
    </message>
    <message>
        <source>this server has staff already; admins add more with &apos;{command}&apos;</source>
        <translation>這台伺服器已經有員工帳號了；管理員可用「{command}」新增更多</translation>
    </message>
    <message>
        <source>database ready; added admin {name} (#{staff_id})</source>
        <translation>資料庫已就緒；已新增管理員 {name}（#{staff_id}）</translation>
    </message>
    <message>
        <source>one console can enrol with this code in the next {hours} hours: {command}</source>
        <translation>在接下來的 {hours} 小時內，可有一台服務台用這組代碼註冊：{command}</translation>
    </message>
    <message>
        <source>enrolled as console #{console_id}, but {problem}; ask for a new code</source>
        <translation>已註冊為服務台 #{console_id}，但{problem}；請索取新的代碼</translation>
    </message>
    <message>
        <source>enrolled as console #{console_id} ({name}) with {url}</source>
        <translation>已在 {url} 註冊為服務台 #{console_id}（{name}）</translation>
    </message>
    <message>
        <source>this console is not enrolled with {url}: run &apos;{command}&apos; (or set {env})</source>
        <translation>這台服務台尚未在 {url} 註冊：請執行「{command}」（或設定 {env}）</translation>
    </message>
    <message>
        <source>console #{console_id} ({name}) is revoked</source>
        <translation>服務台 #{console_id}（{name}）已被撤銷</translation>
    </message>
    <message>
        <source>the keychain could not be loaded ({kind})</source>
        <translation>無法載入密碼鑰匙圈（{kind}）</translation>
    </message>
    <message>
        <source>no safe keychain is available on this computer (keyring backend: {backend}); a headless {system} machine needs a {service} such as {first} or {second}</source>
        <translation>這台電腦沒有可用的安全密碼鑰匙圈（鑰匙圈後端：{backend}）；沒有圖形介面的 {system} 電腦需要 {service}，例如 {first} 或 {second}</translation>
    </message>
    <message>
        <source>the keychain did not keep the database key</source>
        <translation>密碼鑰匙圈沒有保存資料庫金鑰</translation>
    </message>
    <message>
        <source>the keychain refused to keep the database key ({detail})</source>
        <translation>密碼鑰匙圈拒絕保存資料庫金鑰（{detail}）</translation>
    </message>
    <message>
        <source>{problem}. The database is encrypted, so it needs a passphrase instead: the window asks for one, scripts set {env}</source>
        <translation>{problem}。資料庫已加密，因此需要改用通關密語：視窗會詢問通關密語，指令稿請設定 {env}</translation>
    </message>
    <message>
        <source>{path} is encrypted and this computer&apos;s keychain holds no key for it; type its passphrase (scripts: {env})</source>
        <translation>{path} 已加密，而這台電腦的密碼鑰匙圈中沒有它的金鑰；請輸入它的通關密語（指令稿：{env}）</translation>
    </message>
    <message>
        <source>{path} is locked with this computer&apos;s keychain, not a passphrase; unset {env}</source>
        <translation>{path} 是用這台電腦的密碼鑰匙圈加密的，不是通關密語；請取消設定 {env}</translation>
    </message>
    <message>
        <source>{path} is locked with this computer&apos;s keychain, not a passphrase; open it without a passphrase</source>
        <translation>{path} 是用這台電腦的密碼鑰匙圈加密的，不是通關密語；請不用通關密語直接開啟</translation>
    </message>
    <message>
        <source>the OS keychain cannot be used ({detail})</source>
        <translation>無法使用系統的密碼鑰匙圈（{detail}）</translation>
    </message>
    <message>
        <source>{problem}; set {env} to a long random token instead</source>
        <translation>{problem}；請改為把 {env} 設定成一個較長的隨機權杖</translation>
    </message>
    <message>
        <source>{problem}; enrol with {option} and set {env} instead</source>
        <translation>{problem}；請改用 {option} 註冊，並設定 {env}</translation>
    </message>
    <message>
        <source>the keychain did not keep the console&apos;s token</source>
        <translation>密碼鑰匙圈沒有保存服務台的權杖</translation>
    </message>
    <message>
        <source>give {db} (a database file) or {server} (a console server), not both</source>
        <translation>請給出 {db}（資料庫檔案）或 {server}（服務台伺服器），不能同時給出</translation>
    </message>
    <message>
        <source>{command} follows a console server&apos;s changes: give {option} URL (or set {env})</source>
        <translation>{command} 追蹤控制台伺服器上的變更：請給出 {option} 網址（或設定 {env}）</translation>
    </message>
    <message>
        <source>{command} fills a file of its own with made-up customers, never a team&apos;s server (its data is real): run it without {option}</source>
        <translation>{command} 只會把虛構的顧客填進它自己的檔案，絕不會填進團隊的伺服器（那裡是真實資料）：請不加 {option} 執行</translation>
    </message>
    <message>
        <source>{command} works on a database file; a team&apos;s data is in the console server&apos;s {database} database: back it up there with {dump} or {base_backup} ({where})</source>
        <translation>{command} 用於資料庫檔案；團隊的資料在服務台伺服器的 {database} 資料庫中：請在那裡用 {dump} 或 {base_backup} 備份（{where}）</translation>
    </message>
    <message>
        <source>say what to do: {init}, {enrol_code} or {grant}</source>
        <translation>請說明要做什麼：{init}、{enrol_code} 或 {grant}</translation>
    </message>
    <message>
        <source>{role} may now run the server on this database (the audit trail stays append-only for it)</source>
        <translation>{role} 現在可以在這個資料庫上執行伺服器（對它而言稽核紀錄只能附加）</translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>上次到店 {date}</translation>
    </message>
    <message>
        <source>last never</source>
        <translation>從未到店</translation>
    </message>
    <message>
        <source>(switched off)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>到店紀錄</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>購買紀錄</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>同意紀錄</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>audit</source>
        <translation>稽核紀錄</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>客訴</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>獎勵</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>phrasebook</source>
        <translation>話術庫</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客戶（批次）</translation>
    </message>
    <message>
        <source>complaint report</source>
        <translation>客訴報表</translation>
    </message>
    <message>
        <source>{entity} #{entity_id}</source>
        <translation>{entity} #{entity_id}</translation>
    </message>
    <message>
        <source>one of {candidates}</source>
        <translation>可能是 {candidates} 之一</translation>
    </message>
    <message>
        <source>enrolled {at}</source>
        <translation>註冊於 {at}</translation>
    </message>
    <message>
        <source>revoked {at} by {by}</source>
        <translation>已於 {at} 被 {by} 撤銷</translation>
    </message>
    <message>
        <source>(no replacement)</source>
        <translation>（無替代說法）</translation>
    </message>
    <message>
        <source>in {time}</source>
        <translation>{time}後</translation>
    </message>
    <message>
        <source>overdue {time}</source>
        <translation>已逾時 {time}</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>1 day {hours} h</source>
        <translation>1 天 {hours} 小時</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小時</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小時 {minutes} 分鐘</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分鐘</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>不到 1 分鐘</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁碟配額已用完</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>沒有權限</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁碟是唯讀的</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>資料夾不存在</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>那是一個資料夾</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路徑中有一部分不是資料夾</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名稱太長</translation>
    </message>
    <message>
        <source>{path} was not written: {reason}; any previous file there was left unchanged.</source>
        <translation>未寫入 {path}：{reason}；那裡原有的檔案保持不變。</translation>
    </message>
    <message>
        <source>{path} was not written: it is a folder or a device, not a file; nothing there was changed.</source>
        <translation>未寫入 {path}：那是資料夾或裝置，不是檔案；那裡沒有任何變更。</translation>
    </message>
    <message>
        <source>no customer #{customer_id}</source>
        <translation>沒有 #{customer_id} 號客戶</translation>
    </message>
    <message>
        <source>{option} {text} is not {form}</source>
        <translation>{option} {text} 不是 {form} 格式</translation>
    </message>
    <message>
        <source>{option} {text}: write an {ip} address in brackets, {example}</source>
        <translation>{option} {text}：{ip} 位址請寫在方括號中，例如 {example}</translation>
    </message>
    <message>
        <source>{option} {text}: the port must be from {low} to {high}</source>
        <translation>{option} {text}：連接埠必須在 {low} 到 {high} 之間</translation>
    </message>
    <message>
        <source>{option} {text}: {host} is not a host name or address</source>
        <translation>{option} {text}：{host} 不是主機名稱或位址</translation>
    </message>
    <message>
        <source>give both {cert} and {key} ({kind} files), or neither</source>
        <translation>請同時提供 {cert} 和 {key}（{kind} 檔案），或者都不提供</translation>
    </message>
    <message>
        <source>listening on {host} needs {tls}: give {cert} and {key} (plain {http} only on {first}, {second} or {third})</source>
        <translation>在 {host} 上監聽需要 {tls}：請提供 {cert} 和 {key}（只有 {first}、{second} 或 {third} 可以用不加密的 {http}）</translation>
    </message>
    <message>
        <source>the {tls} file {filename} does not exist</source>
        <translation>{tls} 檔案 {filename} 不存在</translation>
    </message>
    <message>
        <source>the {tls} certificate and key cannot be used ({detail})</source>
        <translation>無法使用該 {tls} 憑證和私鑰（{detail}）</translation>
    </message>
    <message>
        <source>{option} must be a {kind} address: {example}</source>
        <translation>{option} 必須是 {kind} 位址：{example}</translation>
    </message>
    <message>
        <source>{role} is not a {kind} role name</source>
        <translation>{role} 不是 {kind} 角色名稱</translation>
    </message>
    <message>
        <source>there is no {kind} role {role}: create it first ({command})</source>
        <translation>沒有 {kind} 角色 {role}：請先建立它（{command}）</translation>
    </message>
    <message>
        <source>the rights could not be granted: {detail}</source>
        <translation>無法授予權限：{detail}</translation>
    </message>
    <message>
        <source>{program} server on {url} ({keys} stops)</source>
        <translation>{program} 伺服器執行於 {url}（按 {keys} 停止）</translation>
    </message>
    <message>
        <source>the console server at {url} cannot be reached ({reason})</source>
        <translation>無法連線到 {url} 的服務台伺服器（{reason}）</translation>
    </message>
    <message>
        <source>{url} answered {http} {status} without the console protocol: is it a console server?</source>
        <translation>{url} 以 {http} {status} 回應，但沒有使用服務台協定：它是服務台伺服器嗎？</translation>
    </message>
    <message>
        <source>{text} is not a server address like {example}</source>
        <translation>{text} 不是伺服器位址（例如 {example}）</translation>
    </message>
    <message>
        <source>{text}: give only the server&apos;s address, {example}</source>
        <translation>{text}：請只提供伺服器的位址，例如 {example}</translation>
    </message>
    <message>
        <source>{text}: the port must be from {low} to {high}</source>
        <translation>{text}：連接埠必須在 {low} 到 {high} 之間</translation>
    </message>
    <message>
        <source>{text}: a server on another computer is reached with {https} only (PINs and tokens never cross a network in clear)</source>
        <translation>{text}：其他電腦上的伺服器只能用 {https} 連線（PIN 碼和權杖絕不以明文經過網路）</translation>
    </message>
    <message>
        <source>this enrolment code is unknown, used or expired; make a new one on the server with: {command}</source>
        <translation>這組註冊代碼無效、已用過或已過期；請在伺服器上產生新的代碼：{command}</translation>
    </message>
    <message>
        <source>this console is not enrolled with the server: enrol it with a code</source>
        <translation>這台服務台尚未在伺服器註冊：請用代碼註冊</translation>
    </message>
    <message>
        <source>this console was revoked by an admin; enrol it again with a new code</source>
        <translation>這台服務台已被管理員撤銷；請用新的代碼重新註冊</translation>
    </message>
    <message>
        <source>sign in first (or again: the session ended)</source>
        <translation>請先登入（或重新登入：工作階段已結束）</translation>
    </message>
    <message>
        <source>the server could not do this; see its log</source>
        <translation>伺服器無法完成此操作；請查看它的記錄檔</translation>
    </message>
    <message>
        <source>this app is too old for the server (protocol {version}; the server speaks {oldest}–{newest}): update the app</source>
        <translation>此應用程式對這台伺服器來說太舊了（協定 {version}；伺服器支援 {oldest}–{newest}）：請更新應用程式</translation>
    </message>
    <message>
        <source>this server speaks protocol {oldest}–{newest} and the app {version}: update the server, or use the app it goes with</source>
        <translation>這台伺服器支援協定 {oldest}–{newest}，而應用程式使用 {version}：請更新伺服器，或使用與它搭配的應用程式</translation>
    </message>
    <message>
        <source>there is no console #{console_id}</source>
        <translation>沒有服務台 #{console_id}</translation>
    </message>
    <message>
        <source>a request may carry at most {limit} bytes</source>
        <translation>一個請求最多可攜帶 {limit} 位元組</translation>
    </message>
    <message>
        <source>a file sent to the console server may be at most {limit} bytes</source>
        <translation>傳送到服務台伺服器的檔案最多 {limit} 位元組</translation>
    </message>
    <message>
        <source>the console server holds no file {upload} from this console (never sent, used already, expired, or another console&apos;s): send the file again</source>
        <translation>服務台伺服器上沒有這台服務台的檔案 {upload}（從未傳送、已使用、已過期，或屬於另一台服務台）：請重新傳送檔案</translation>
    </message>
    <message>
        <source>the file {upload} is not complete on the console server ({received} of {size} bytes): send the file again</source>
        <translation>檔案 {upload} 在服務台伺服器上不完整（{received}/{size} 位元組）：請重新傳送檔案</translation>
    </message>
    <message>
        <source>restore the latest good backup with `{command}`</source>
        <translation>請用 `{command}` 還原最近一次完好的備份</translation>
    </message>
    <message>
        <source>the disk holding {path} is full, so the last change was not saved; free some space and try again</source>
        <translation>{path} 所在的磁碟已滿，最後一次變更未儲存；請騰出空間後重試</translation>
    </message>
    <message>
        <source>{path} is in use: another program is writing to it and did not finish within {seconds} seconds; close the other program (or wait for it) and try again</source>
        <translation>{path} 正在使用中：另一個程式正在寫入，且在 {seconds} 秒內沒有完成；請關閉那個程式（或等它完成）後重試</translation>
    </message>
    <message>
        <source>{path} is damaged (its pages do not check out); {hint}</source>
        <translation>{path} 已損壞（它的頁面檢查不通過）；{hint}</translation>
    </message>
    <message>
        <source>{path} is shorter than its header says (it was cut off, e.g. by an interrupted copy or a full disk); {hint}</source>
        <translation>{path} 比檔頭宣告的短（檔案被截斷了，例如複製中斷或磁碟已滿）；{hint}</translation>
    </message>
    <message>
        <source>the key does not open {path}: it is not this database&apos;s key (or passphrase), or the file is not a Service Console database; it was left untouched</source>
        <translation>金鑰無法開啟 {path}：它不是這個資料庫的金鑰（或通關密語），或者該檔案不是 Service Console 資料庫；檔案保持原樣</translation>
    </message>
    <message>
        <source>the key does not open {path}: this computer&apos;s keychain holds a key made for it, so its first page is most likely damaged; {hint}</source>
        <translation>金鑰無法開啟 {path}：本機密碼鑰匙圈中有為它產生的金鑰，因此它的第一頁很可能已損壞；{hint}</translation>
    </message>
    <message>
        <source>{path} could not be read or written (a disk error); check the disk, then try again — if it keeps failing, {hint}</source>
        <translation>無法讀寫 {path}（磁碟錯誤）；請檢查磁碟後重試——如果一直失敗，{hint}</translation>
    </message>
    <message>
        <source>the database could not switch to {wal} mode (got {mode})</source>
        <translation>資料庫無法切換到 {wal} 模式（得到的是 {mode}）</translation>
    </message>
    <message>
        <source>{path} is on a network drive; SQLite&apos;s locking is unsafe there, so keep the database on a local disk</source>
        <translation>{path} 位於網路磁碟機上；SQLite 的鎖定在那裡不安全，請把資料庫放在本機磁碟上</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是資料夾，不是資料庫檔案</translation>
    </message>
    <message>
        <source>{path} is a device or other special file, not a database file</source>
        <translation>{path} 是裝置或其他特殊檔案，不是資料庫檔案</translation>
    </message>
    <message>
        <source>{path} cannot be read and written by this user</source>
        <translation>目前的使用者無法讀寫 {path}</translation>
    </message>
    <message>
        <source>{path} is encrypted or not a Service Console database (not a plain SQLite file); it was left untouched</source>
        <translation>{path} 已加密，或者不是 Service Console 資料庫（不是一般的 SQLite 檔案）；檔案保持原樣</translation>
    </message>
    <message>
        <source>{path} is not a Service Console database (not an SQLite file); it was left untouched</source>
        <translation>{path} 不是 Service Console 資料庫（不是 SQLite 檔案）；檔案保持原樣</translation>
    </message>
    <message>
        <source>{path} is an SQLite file of another program, not a Service Console database; it was left untouched</source>
        <translation>{path} 是其他程式的 SQLite 檔案，不是 Service Console 資料庫；檔案保持原樣</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Service Console (schema {found}, this app knows up to {known}); please update the app — the database was left untouched</source>
        <translation>{path} 由較新版本的 Service Console 寫入（結構版本 {found}，此應用程式最高只認得 {known}）；請更新應用程式——資料庫保持原樣</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} is already encrypted</source>
        <translation>{path} 已經加密</translation>
    </message>
    <message>
        <source>the encrypted copy does not match the database; nothing changed</source>
        <translation>加密副本與資料庫不一致；沒有做任何變更</translation>
    </message>
    <message>
        <source>the database at {where} is too busy to save this now; try again</source>
        <translation>{where} 的資料庫正忙，現在無法儲存；請重試</translation>
    </message>
    <message>
        <source>the database at {where} refused the server&apos;s credentials</source>
        <translation>{where} 的資料庫拒絕了伺服器的憑證</translation>
    </message>
    <message>
        <source>the database at {where} is out of disk space; nothing was saved</source>
        <translation>{where} 的資料庫磁碟空間不足；沒有儲存任何內容</translation>
    </message>
    <message>
        <source>the database at {where} took too long to answer; try again</source>
        <translation>{where} 的資料庫回應逾時；請重試</translation>
    </message>
    <message>
        <source>the database at {where} cannot be reached; try again</source>
        <translation>無法連線到 {where} 的資料庫；請重試</translation>
    </message>
    <message>
        <source>the database at {where} does not allow this change</source>
        <translation>{where} 的資料庫不允許這項變更</translation>
    </message>
    <message>
        <source>the database connection is closed</source>
        <translation>資料庫連線已關閉</translation>
    </message>
    <message>
        <source>{problem}; encrypt with a passphrase instead</source>
        <translation>{problem}；請改用通關密語加密</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Reword before saving: {terms} must not be said to a customer.</source>
        <translation>儲存前請改寫：不能對客戶說{terms}。</translation>
    </message>
    <message>
        <source>&quot;{term}&quot;</source>
        <translation>「{term}」</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name</source>
        <translation>請輸入客戶姓名</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an email address</source>
        <translation>「{text}」不是有效的電子郵件</translation>
    </message>
    <message>
        <source>{numbers} is not a phone number in +country form</source>
        <translation>{numbers}不是帶 + 國碼的電話號碼</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;</source>
        <translation>「{text}」</translation>
    </message>
    <message>
        <source>Type the staff member&apos;s name.</source>
        <translation>請輸入員工姓名。</translation>
    </message>
    <message>
        <source>Keep the name under {limit} characters.</source>
        <translation>姓名請少於 {limit} 個字元。</translation>
    </message>
    <message>
        <source>An extension is digits only (e.g. 2041).</source>
        <translation>分機號只能是數字（如 2041）。</translation>
    </message>
    <message>
        <source>the first account must be an admin</source>
        <translation>第一個帳號必須是管理員</translation>
    </message>
    <message>
        <source>a PIN has {low}–{high} digits</source>
        <translation>PIN 碼為 {low}–{high} 位數字</translation>
    </message>
    <message>
        <source>choose a PIN that is not a run or repeat of one digit</source>
        <translation>PIN 碼不能是連續數字或同一數字重複</translation>
    </message>
    <message>
        <source>a password has at least {low} characters (or use a 4–8 digit PIN)</source>
        <translation>密碼至少 {low} 個字元（或使用 4–8 位數字的 PIN 碼）</translation>
    </message>
    <message>
        <source>a password cannot be only spaces</source>
        <translation>密碼不能全是空格</translation>
    </message>
    <message>
        <source>entry #{id}</source>
        <translation>條目 #{id}</translation>
    </message>
    <message>
        <source>entry {position}</source>
        <translation>第 {position} 條</translation>
    </message>
    <message>
        <source>the new entry</source>
        <translation>新條目</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>{entry}: {what}</source>
        <translation>{entry}：{what}</translation>
    </message>
    <message>
        <source>the {kind} text is empty.</source>
        <translation>{kind}條目的文字為空。</translation>
    </message>
    <message>
        <source>taboo term &apos;{term}&apos; has no severity (block, warn or hint).</source>
        <translation>禁用語「{term}」沒有嚴重程度（攔截、警告或提示）。</translation>
    </message>
    <message>
        <source>exception &apos;{exception}&apos; does not contain the term &apos;{term}&apos;, so it never applies.</source>
        <translation>例外「{exception}」不包含禁用語「{term}」，所以永遠不會生效。</translation>
    </message>
    <message>
        <source>replacement &apos;{item}&apos; contains &apos;|&apos;, which separates replacements in phrasebook files.</source>
        <translation>替換說法「{item}」包含「|」，而話術庫檔案用它分隔替換說法。</translation>
    </message>
    <message>
        <source>exception &apos;{item}&apos; contains &apos;|&apos;, which separates exceptions in phrasebook files.</source>
        <translation>例外「{item}」包含「|」，而話術庫檔案用它分隔例外。</translation>
    </message>
    <message>
        <source>replacement &apos;{replacement}&apos; for &apos;{term}&apos; is itself flagged by taboo term &apos;{taboo}&apos; ({other}).</source>
        <translation>「{term}」的替換說法「{replacement}」本身會被禁用語「{taboo}」（{other}）標出。</translation>
    </message>
    <message>
        <source>approved phrase &apos;{text}&apos; has no situation.</source>
        <translation>推薦話術「{text}」沒有設定場景。</translation>
    </message>
    <message>
        <source>taboo term &apos;{term}&apos; is also an approved phrase ({other}).</source>
        <translation>禁用語「{term}」同時也是推薦話術（{other}）。</translation>
    </message>
    <message>
        <source>approved phrase &apos;{text}&apos; would be flagged: it contains taboo term &apos;{term}&apos; ({other}).</source>
        <translation>推薦話術「{text}」會被標出：其中含有禁用語「{term}」（{other}）。</translation>
    </message>
    <message>
        <source>Duplicate taboo term &apos;{term}&apos;: {entries} are the same after ignoring case, width, spacing and Simplified/Traditional.</source>
        <translation>禁用語「{term}」重複：{entries}在忽略大小寫、全半形、空格和簡繁體後相同。</translation>
    </message>
    <message>
        <source>Duplicate approved phrase &apos;{text}&apos;: {entries} are the same after ignoring case, width and spacing.</source>
        <translation>推薦話術「{text}」重複：{entries}在忽略大小寫、全半形和空格後相同。</translation>
    </message>
    <message>
        <source>phone number is empty</source>
        <translation>電話號碼為空</translation>
    </message>
    <message>
        <source>{text} is not a phone number</source>
        <translation>{text} 不是電話號碼</translation>
    </message>
    <message>
        <source>{text} is not a valid phone number for region {region}</source>
        <translation>{text} 不是地區 {region} 的有效電話號碼</translation>
    </message>
    <message>
        <source>month {month} is not between 1 and 12</source>
        <translation>月份 {month} 不在 1 到 12 之間</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>年份 {year} 超出範圍</translation>
    </message>
    <message>
        <source>{date} is not a date</source>
        <translation>{date} 不是有效日期</translation>
    </message>
    <message>
        <source>{text} is not a date (use {full}, or {partial} if the year is unknown)</source>
        <translation>{text} 不是日期（請用 {full}；不知道年份時用 {partial}）</translation>
    </message>
    <message>
        <source>unknown tier {text} (use one of: {allowed})</source>
        <translation>未知的會員等級 {text}（請用以下之一：{allowed}）</translation>
    </message>
    <message>
        <source>price is empty</source>
        <translation>價格為空</translation>
    </message>
    <message>
        <source>{text} is not an amount of money</source>
        <translation>{text} 不是金額</translation>
    </message>
    <message>
        <source>{text} is not an amount of money (at most 2 decimals)</source>
        <translation>{text} 不是金額（最多兩位小數）</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file</source>
        <translation>{path} 不存在或不是檔案</translation>
    </message>
    <message>
        <source>{count} bad row(s); nothing was imported (fix them, or use {option} to import the good rows)</source>
        <translation>{count} 列有誤，未匯入任何內容（請修正，或用 {option} 只匯入無誤的列）</translation>
    </message>
    <message>
        <source>imported {count} customers; skipped {bad} bad row(s)</source>
        <translation>已匯入 {count} 位客戶；略過 {bad} 列有誤的資料</translation>
    </message>
    <message>
        <source>imported {count} purchases; skipped {bad} bad row(s)</source>
        <translation>已匯入 {count} 筆消費紀錄；略過 {bad} 列有誤的資料</translation>
    </message>
    <message>
        <source>would import {count} customers; skipped {bad} bad row(s)</source>
        <translation>將匯入 {count} 位客戶；略過 {bad} 列有誤的資料</translation>
    </message>
    <message>
        <source>would import {count} purchases; skipped {bad} bad row(s)</source>
        <translation>將匯入 {count} 筆消費紀錄；略過 {bad} 列有誤的資料</translation>
    </message>
    <message>
        <source>{count} bad row(s); nothing was imported</source>
        <translation>{count} 列有誤，未匯入任何內容</translation>
    </message>
    <message>
        <source>{count} problem(s); nothing was imported</source>
        <translation>{count} 個問題，未匯入任何內容</translation>
    </message>
    <message>
        <source>unknown phrasebook format {text} (use {csv} or {json})</source>
        <translation>未知的話術庫格式 {text}（請用 {csv} 或 {json}）</translation>
    </message>
    <message>
        <source>{path} has no extension; use {csv} or {json}</source>
        <translation>{path} 沒有副檔名；請用 {csv} 或 {json}</translation>
    </message>
    <message>
        <source>entry {number} ({text}): {field} {item} contains &apos;{separator}&apos;</source>
        <translation>第 {number} 條（{text}）：{field} {item} 含有「{separator}」</translation>
    </message>
    <message>
        <source>cannot write the phrasebook: {problems}</source>
        <translation>無法寫出話術庫：{problems}</translation>
    </message>
    <message>
        <source>the restore into {live} failed: {detail}</source>
        <translation>還原到 {live} 失敗：{detail}</translation>
    </message>
    <message>
        <source>{live} failed its integrity check after the restore (details in the log)</source>
        <translation>還原後的 {live} 未通過完整性檢查（詳見日誌）</translation>
    </message>
    <message>
        <source>audit trail intact</source>
        <translation>稽核紀錄完整</translation>
    </message>
    <message>
        <source>WARNING: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
    <message>
        <source>scheduled; {note}</source>
        <translation>排程備份；{note}</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
    <message>
        <source>erased customer #{customer_id}: personal data removed from the database, search index rewritten, {redacted} audit entries redacted</source>
        <translation>已清除客戶 #{customer_id}：個人資料已從資料庫刪除，搜尋索引已重建，{redacted} 筆稽核紀錄已遮蔽</translation>
    </message>
    <message>
        <source>could not finish: another program is reading the database, so old copies of the data are still in its write-ahead log; they are removed when every program using the database has closed it (or erase again once it has)</source>
        <translation>未能完成：另一個程式正在讀取資料庫，舊的資料副本仍留在其預寫日誌中；待所有使用該資料庫的程式都關閉後即會刪除（或在那之後再清除一次）</translation>
    </message>
    <message>
        <source>older backups still hold this customer until they are deleted (scheduled backups are switched off, so none rotates out)</source>
        <translation>較早的備份仍保存著這位客戶，直到它們被刪除（排程備份已關閉，因此不會有備份被輪替掉）</translation>
    </message>
    <message>
        <source>older backups still hold this customer until {when} when the oldest is rotated out</source>
        <translation>較早的備份仍保存著這位客戶，直到 {when} 最舊的一份被輪替掉</translation>
    </message>
    <message>
        <source>{count} manual or pre-restore backup(s) hold this customer until someone deletes them</source>
        <translation>{count} 份手動或還原前的備份仍保存著這位客戶，直到有人刪除它們</translation>
    </message>
</context>
<context>
    <name>OccasionWords</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n天後</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>turns %n</source>
        <translation>
            <numerusform>%n歲</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n週年</numerusform>
        </translation>
    </message>
    <message>
        <source>{occasion} ({years})</source>
        <translation>{occasion}（{years}）</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Birthday {when}</source>
        <translation>{when}生日</translation>
    </message>
    <message>
        <source>{occasion} {when}</source>
        <translation>{when}：{occasion}</translation>
    </message>
</context>
<context>
    <name>Occasions</name>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Wedding anniversary</source>
        <translation>結婚紀念日</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>紀念日</translation>
    </message>
    <message>
        <source>Wife&apos;s birthday</source>
        <translation>太太生日</translation>
    </message>
    <message>
        <source>Husband&apos;s birthday</source>
        <translation>先生生日</translation>
    </message>
    <message>
        <source>Partner&apos;s birthday</source>
        <translation>伴侶生日</translation>
    </message>
    <message>
        <source>Daughter&apos;s birthday</source>
        <translation>女兒生日</translation>
    </message>
    <message>
        <source>Son&apos;s birthday</source>
        <translation>兒子生日</translation>
    </message>
    <message>
        <source>Child&apos;s birthday</source>
        <translation>孩子生日</translation>
    </message>
    <message>
        <source>Mother&apos;s birthday</source>
        <translation>母親生日</translation>
    </message>
    <message>
        <source>Father&apos;s birthday</source>
        <translation>父親生日</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Service Console — passphrase</source>
        <extracomment>Wide enough for a sentence per line or two, narrow enough to read (and to fit any screen).</extracomment>
        <translation>服務台 — 通關密語</translation>
    </message>
    <message>
        <source>Database passphrase</source>
        <translation>資料庫通關密語</translation>
    </message>
    <message>
        <source>This computer has no password keychain, so the console&apos;s data is locked with a passphrase you choose. You will type it each time the console starts.</source>
        <translation>這台電腦沒有密碼鑰匙圈，所以服務台的資料要用您自訂的通關密語上鎖。每次啟動服務台時都要輸入。</translation>
    </message>
    <message>
        <source>&amp;Lock with this passphrase</source>
        <translation>用這組通關密語上鎖(&amp;L)</translation>
    </message>
    <message>
        <source>This computer has no password keychain, so the console&apos;s data is locked with a passphrase. Type it to open the console.</source>
        <translation>這台電腦沒有密碼鑰匙圈，所以服務台的資料以通關密語上鎖。請輸入通關密語以開啟服務台。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>The console&apos;s data is locked with a passphrase that this computer&apos;s keychain does not know. Type it to open the console.</source>
        <translation>服務台的資料以通關密語上鎖，而這台電腦的鑰匙圈裡沒有它。請輸入通關密語以開啟服務台。</translation>
    </message>
    <message>
        <source>Use at least {count} characters. Nobody can open or recover the data without it, so keep it somewhere safe.</source>
        <translation>請至少使用 {count} 個字元。沒有通關密語，任何人都無法開啟或救回這些資料，請妥善保管。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>通關密語(&amp;P)：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>通關密語</translation>
    </message>
    <message>
        <source>Passphrase &amp;again:</source>
        <translation>再輸入一次通關密語(&amp;A)：</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再輸入一次通關密語</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>顯示輸入內容(&amp;S)</translation>
    </message>
    <message>
        <source>Show the passphrase as it is typed</source>
        <translation>輸入時顯示通關密語</translation>
    </message>
    <message>
        <source>Problem with the passphrase</source>
        <translation>通關密語有問題</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技術細節</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>隱藏細節(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>細節(&amp;D)</translation>
    </message>
    <message>
        <source>Technical details for an admin</source>
        <translation>給管理員參考的技術細節</translation>
    </message>
    <message>
        <source>Cancel: do not open the console</source>
        <translation>取消：不開啟服務台</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>請輸入通關密語。</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {count} characters.</source>
        <translation>通關密語太短：請至少使用 {count} 個字元。</translation>
    </message>
    <message>
        <source>The two passphrases are different. Type the same one twice.</source>
        <translation>兩次輸入的通關密語不同，請輸入相同的通關密語兩次。</translation>
    </message>
</context>
<context>
    <name>PhoneLabels</name>
    <message>
        <source>mobile</source>
        <translation>手機</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住家</translation>
    </message>
    <message>
        <source>work</source>
        <translation>公司</translation>
    </message>
</context>
<context>
    <name>PhoneRow</name>
    <message>
        <source>138 0013 8000 or +44 20 7946 0958</source>
        <translation>138 0013 8000 或 +44 20 7946 0958</translation>
    </message>
    <message>
        <source>Phone {n} label</source>
        <translation>電話 {n} 的類型</translation>
    </message>
    <message>
        <source>Phone {n} number</source>
        <translation>電話 {n} 的號碼</translation>
    </message>
    <message>
        <source>Remove phone {n}</source>
        <translation>刪除電話 {n}</translation>
    </message>
</context>
<context>
    <name>PhraseChecker</name>
    <message>
        <source>The phrasebook could not be loaded ({error}); the previous one is used.</source>
        <translation>無法載入話術庫（{error}），繼續使用之前的話術庫。</translation>
    </message>
</context>
<context>
    <name>PhraseEntryModel</name>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>{reason}

Converted automatically from “{text}” for Traditional-script staff.</source>
        <translation>{reason}

由簡體條目「{text}」自動轉換，供繁體字員工閱讀。</translation>
    </message>
    <message>
        <source>Converted automatically from the Simplified entry “{text}” for Traditional-script customers. Edit it (Enter) to approve or correct it: saving makes it a Traditional entry of its own.</source>
        <translation>由簡體條目「{text}」自動轉換，供使用繁體字的客戶。按 Enter 編輯即可核可或修改：儲存後即成為一筆獨立的繁體條目。</translation>
    </message>
    <message>
        <source>entry #{id}</source>
        <translation>條目 #{id}</translation>
    </message>
    <message>
        <source>entry #{id} (Simplified/Traditional as written)</source>
        <translation>條目 #{id}（簡繁體依原樣比對）</translation>
    </message>
</context>
<context>
    <name>PhrasePicker</name>
    <message>
        <source>All languages</source>
        <translation>所有語言</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>客戶稱呼</translation>
    </message>
    <message>
        <source>Customer&apos;s full name</source>
        <translation>客戶全名</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Summary of the request</source>
        <translation>需求摘要</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>客戶的需求</translation>
    </message>
    <message>
        <source>What you can offer instead</source>
        <translation>可提供的替代方案</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近一次購買</translation>
    </message>
    <message>
        <source>Insert approved phrase</source>
        <translation>插入規範用語</translation>
    </message>
    <message>
        <source>Search approved phrases</source>
        <translation>搜尋規範用語</translation>
    </message>
    <message>
        <source>Type to filter, e.g. sorry, wait, 抱歉</source>
        <translation>輸入以篩選，如 抱歉、稍等、sorry</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>場景</translation>
    </message>
    <message>
        <source>All situations</source>
        <translation>所有場景</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Approved phrases</source>
        <translation>規範用語</translation>
    </message>
    <message>
        <source>Fill in before inserting:</source>
        <translation>插入前請填寫：</translation>
    </message>
    <message>
        <source>Text to insert</source>
        <translation>要插入的文字</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>Insert the phrase</source>
        <translation>插入該用語</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without inserting</source>
        <translation>關閉，不插入</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜尋(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Si&amp;tuation:</source>
        <translation>場景(&amp;T)：</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>converted automatically</source>
        <translation>自動轉換</translation>
    </message>
    <message>
        <source>No approved phrase matches “{search}”.</source>
        <translation>沒有與「{search}」匹配的規範用語。</translation>
    </message>
    <message>
        <source>No approved phrases for this situation and language; choose “All situations” or “All languages” to see more.</source>
        <translation>此場景和語言下沒有規範用語；選擇「所有場景」或「所有語言」可檢視更多。</translation>
    </message>
    <message>
        <source>Enter inserts this phrase.</source>
        <translation>按 Enter 插入此用語。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>To insert, fill in: {fields}.</source>
        <translation>插入前請填寫：{fields}。</translation>
    </message>
</context>
<context>
    <name>Phrasebook</name>
    <message>
        <source>Only trainers and managers can change the phrasebook</source>
        <translation>只有訓練人員和經理可以修改話術庫</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>推薦</translation>
    </message>
    <message>
        <source>Taboo</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>任何語言</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>攔截</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Block — cannot be sent until changed</source>
        <translation>攔截 — 修改後才能傳送</translation>
    </message>
    <message>
        <source>Warn — needs a confirmation before sending</source>
        <translation>警告 — 傳送前需要確認</translation>
    </message>
    <message>
        <source>Hint — only shown, never interrupts</source>
        <translation>提示 — 僅顯示，不打斷</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已新增</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已編輯</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已還原</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <source>taboo {text} ({detail}, {language})</source>
        <translation>禁用語 {text}（{detail}，{language}）</translation>
    </message>
    <message>
        <source>approved {text} ({detail}, {language})</source>
        <translation>推薦話術 {text}（{detail}，{language}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>taboo</source>
        <translation>禁用語</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>推薦話術</translation>
    </message>
    <message>
        <source>insensitive</source>
        <translation>不區分</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>依原樣</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>situation</source>
        <translation>場景</translation>
    </message>
    <message>
        <source>replacements</source>
        <translation>替換說法</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <source>Simplified/Traditional</source>
        <translation>簡繁體</translation>
    </message>
    <message>
        <source>new: {entry}</source>
        <translation>新增：{entry}</translation>
    </message>
    <message>
        <source>removed: {entry}</source>
        <translation>刪除：{entry}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>no change to {entry}</source>
        <translation>{entry} 無變化</translation>
    </message>
    <message>
        <source>line {line}, col {column}</source>
        <translation>第 {line} 行，第 {column} 列</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>場景</translation>
    </message>
    <message>
        <source>Replacements</source>
        <translation>替換說法</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最後修改</translation>
    </message>
    <message>
        <source>{language} (converted automatically)</source>
        <translation>{language}（自動轉換）</translation>
    </message>
</context>
<context>
    <name>PhrasebookEditor</name>
    <message>
        <source>Select an entry to see its history.</source>
        <translation>選擇一個條目以檢視其歷史記錄。</translation>
    </message>
    <message>
        <source>Phrasebook editor</source>
        <translation>話術庫編輯器</translation>
    </message>
    <message>
        <source>Phrasebook</source>
        <translation>話術庫</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>新增條目</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>編輯條目</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>刪除條目</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>&amp;Phrasebook:</source>
        <translation>話術庫(&amp;P)：</translation>
    </message>
    <message>
        <source>Make ac&amp;tive</source>
        <translation>設為啟用(&amp;T)</translation>
    </message>
    <message>
        <source>Make this the active phrasebook</source>
        <translation>將此話術庫設為啟用</translation>
    </message>
    <message>
        <source>Check what staff write against this phrasebook</source>
        <translation>用此話術庫檢查員工所寫的內容</translation>
    </message>
    <message>
        <source>&amp;New phrasebook…</source>
        <translation>新增話術庫(&amp;N)…</translation>
    </message>
    <message>
        <source>New phrasebook</source>
        <translation>新增話術庫</translation>
    </message>
    <message>
        <source>One phrasebook per brand</source>
        <translation>每個品牌一個話術庫</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import phrasebook file</source>
        <translation>匯入話術庫檔案</translation>
    </message>
    <message>
        <source>Replace this phrasebook&apos;s entries with a CSV or JSON file</source>
        <translation>用 CSV 或 JSON 檔案替換此話術庫的條目</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export phrasebook file</source>
        <translation>匯出話術庫檔案</translation>
    </message>
    <message>
        <source>Save as CSV or JSON</source>
        <translation>另存為 CSV 或 JSON</translation>
    </message>
    <message>
        <source>{note}.</source>
        <translation>{note}。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Dismiss the problems</source>
        <translation>關閉問題列表</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>篩選(&amp;F)：</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>依類型篩選</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有類型</translation>
    </message>
    <message>
        <source>Filter by language</source>
        <translation>依語言篩選</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有語言</translation>
    </message>
    <message>
        <source>Filter by situation</source>
        <translation>依場景篩選</translation>
    </message>
    <message>
        <source>All situations</source>
        <translation>所有場景</translation>
    </message>
    <message>
        <source>Filter by severity</source>
        <translation>依嚴重程度篩選</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>所有嚴重程度</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>依文字篩選</translation>
    </message>
    <message>
        <source>Filter text, replacements, reasons, #id…  (Ctrl+F)</source>
        <translation>篩選文字、替換說法、原因、#編號…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Clear the text filter</source>
        <translation>清除文字篩選</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>清除所有篩選</translation>
    </message>
    <message>
        <source>Phrasebook entries</source>
        <translation>話術庫條目</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>Test bench</source>
        <translation>測試台</translation>
    </message>
    <message>
        <source>Test bench text</source>
        <translation>測試台文字</translation>
    </message>
    <message>
        <source>Paste or type what staff might write, in any language, to see what this phrasebook flags and why.</source>
        <translation>貼上或輸入員工可能寫的內容（任何語言），檢視此話術庫會標出什麼以及原因。</translation>
    </message>
    <message>
        <source>What would be flagged</source>
        <translation>會被標出的內容</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>輸入內容</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>詞語</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Say instead</source>
        <translation>建議說法</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史記錄</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>顯示(&amp;W)：</translation>
    </message>
    <message>
        <source>Show history of</source>
        <translation>顯示以下內容的歷史記錄</translation>
    </message>
    <message>
        <source>Selected entry</source>
        <translation>所選條目</translation>
    </message>
    <message>
        <source>Whole phrasebook (latest 100)</source>
        <translation>整個話術庫（最近 100 條）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改後</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>還原此版本(&amp;R)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>還原此版本</translation>
    </message>
    <message>
        <source>&amp;Bench text, checked against {book} exactly as staff are checked:</source>
        <translation>測試文字(&amp;B)，依員工實際檢查方式用 {book} 檢查：</translation>
    </message>
    <message>
        <source>{book} (active)</source>
        <translation>{book}（啟用中）</translation>
    </message>
    <message>
        <source>Staff are checked against this phrasebook.</source>
        <translation>員工所寫內容正按此話術庫檢查。</translation>
    </message>
    <message>
        <source>Not in use: “Make active” to check staff against it.</source>
        <translation>未啟用：點選「設為啟用」即可用它檢查員工所寫內容。</translation>
    </message>
    <message>
        <source>{book} has 1 problem; fix them one at a time (Enter on a problem selects its entry).</source>
        <translation>{book} 有 1 個問題；請逐一修正（在問題上按 Enter 可選取對應條目）。</translation>
    </message>
    <message numerus="yes">
        <source>{book} has %n problems; fix them one at a time (Enter on a problem selects its entry).</source>
        <translation>
            <numerusform>{book} 有 %n 個問題；請逐一修正（在問題上按 Enter 可選取對應條目）。</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of 1 entry</source>
        <translation>{shown} / 1 個條目</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries</source>
        <translation>
            <numerusform>{shown} / %n 個條目</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 個條目</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 個條目</numerusform>
        </translation>
    </message>
    <message>
        <source>Bring the entry back to what it was right after the selected change</source>
        <translation>將條目還原為所選修改剛完成時的樣子</translation>
    </message>
    <message>
        <source>Added {entry}.</source>
        <translation>已新增 {entry}。</translation>
    </message>
    <message>
        <source>Saved {entry}.</source>
        <translation>已儲存 {entry}。</translation>
    </message>
    <message>
        <source>Delete {entry}?</source>
        <translation>刪除 {entry}？</translation>
    </message>
    <message>
        <source>Staff will no longer see it. It stays in the history and can be restored.</source>
        <translation>員工將不再看到它。它會保留在歷史記錄中，可以還原。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the entry</source>
        <translation>刪除該條目</translation>
    </message>
    <message>
        <source>Keep the entry</source>
        <translation>保留該條目</translation>
    </message>
    <message>
        <source>Not deleted: {reason}</source>
        <translation>未刪除：{reason}</translation>
    </message>
    <message>
        <source>Deleted {entry}; restore it from the history.</source>
        <translation>已刪除 {entry}；可從歷史記錄中還原。</translation>
    </message>
    <message>
        <source>Name of the new phrasebook (one per brand):</source>
        <translation>新話術庫的名稱（每個品牌一個）：</translation>
    </message>
    <message>
        <source>Name of the new phrasebook</source>
        <translation>新話術庫的名稱</translation>
    </message>
    <message>
        <source>Not created: {reason}</source>
        <translation>未建立：{reason}</translation>
    </message>
    <message>
        <source>Created {book}. Add entries or import a file, then make it active.</source>
        <translation>已建立 {book}。請新增條目或匯入檔案，然後將其設為啟用。</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未更改：{reason}</translation>
    </message>
    <message>
        <source>{book} is now the active phrasebook.</source>
        <translation>{book} 現已設為啟用的話術庫。</translation>
    </message>
    <message>
        <source>Phrasebooks (*.csv *.json)</source>
        <translation>話術庫 (*.csv *.json)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Import phrasebook</source>
        <translation>匯入話術庫</translation>
    </message>
    <message>
        <source>Replace the entries of {book} with {file}?</source>
        <translation>用 {file} 替換 {book} 的條目？</translation>
    </message>
    <message>
        <source>The phrasebook will hold exactly the entries in the file; entries missing from it are removed (their history is kept, so they can be restored). If any row is bad, nothing is imported and every bad row is listed.</source>
        <translation>話術庫將只包含檔案中的條目；檔案中沒有的條目會被刪除（其歷史記錄會保留，可以還原）。只要有一行有誤，就不會匯入任何內容，並會列出所有有誤的行。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>Import the file</source>
        <translation>匯入該檔案</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不匯入</translation>
    </message>
    <message>
        <source>Nothing was imported: {file} has 1 bad row.</source>
        <translation>未匯入任何內容：{file} 有 1 行有誤。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: {file} has %n bad rows.</source>
        <translation>
            <numerusform>未匯入任何內容：{file} 有 %n 行有誤。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing imported from {file}.</source>
        <translation>未從 {file} 匯入任何內容。</translation>
    </message>
    <message>
        <source>Nothing was imported: {file} has 1 problem.</source>
        <translation>未匯入任何內容：{file} 有 1 個問題。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: {file} has %n problems.</source>
        <translation>
            <numerusform>未匯入任何內容：{file} 有 %n 個問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing imported: {reason}</source>
        <translation>未匯入：{reason}</translation>
    </message>
    <message>
        <source>Imported {file}: {added} added, {changed} changed, {removed} removed, {unchanged} unchanged.</source>
        <translation>已匯入 {file}：新增 {added} 條，修改 {changed} 條，刪除 {removed} 條，未變 {unchanged} 條。</translation>
    </message>
    <message>
        <source>Export phrasebook</source>
        <translation>匯出話術庫</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未匯出：{reason}</translation>
    </message>
    <message>
        <source>Exported 1 entry to {path}.</source>
        <translation>已將 1 個條目匯出到 {path}。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {path}.</source>
        <translation>
            <numerusform>已將 %n 個條目匯出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>第 {start}–{end} 個字元</translation>
    </message>
    <message>
        <source>Nothing flagged.</source>
        <translation>沒有標出任何內容。</translation>
    </message>
    <message>
        <source>Nothing flagged yet.</source>
        <translation>尚未標出任何內容。</translation>
    </message>
    <message>
        <source>{flagged} flagged: {counts}. Enter on a row opens its entry.</source>
        <translation>標出 {flagged} 處：{counts}。在某一行按 Enter 可開啟對應條目。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Say instead: {phrases}</source>
        <translation>建議改說：{phrases}</translation>
    </message>
    <message>
        <source>The chosen finding</source>
        <translation>選取的檢查結果</translation>
    </message>
    <message>
        <source>{count} must change</source>
        <translation>{count} 處必須修改</translation>
    </message>
    <message>
        <source>{count} to check</source>
        <translation>{count} 處需檢查</translation>
    </message>
    <message>
        <source>{count} suggested</source>
        <translation>{count} 處建議修改</translation>
    </message>
    <message>
        <source>Latest changes to {book}, newest first.</source>
        <translation>{book} 的最近修改，最新的在前。</translation>
    </message>
    <message>
        <source>History of entry #{id} {text}, newest first.</source>
        <translation>條目 #{id} {text} 的歷史記錄，最新的在前。</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（不存在）</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已刪除）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{action} by {who}, {when} (entry #{id})
Before: {before}
After: {after}</source>
        <translation>{action}（{who}，{when}，條目 #{id}）
修改前：{before}
修改後：{after}</translation>
    </message>
    <message>
        <source>Select a change in the history.</source>
        <translation>請在歷史記錄中選擇一次修改。</translation>
    </message>
    <message>
        <source>This change removed the entry; restore the version before it.</source>
        <translation>此次修改刪除了該條目；請還原它之前的版本。</translation>
    </message>
    <message>
        <source>This is the entry as it is now.</source>
        <translation>這就是該條目目前的樣子。</translation>
    </message>
    <message>
        <source>Not restored: that version clashes with the phrasebook as it is now.</source>
        <translation>未還原：該版本與話術庫目前內容衝突。</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>未還原：{reason}</translation>
    </message>
    <message>
        <source>Restored {entry}.</source>
        <translation>已還原 {entry}。</translation>
    </message>
    <message>
        <source>Something went wrong: {reason}</source>
        <translation>發生錯誤：{reason}</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>In store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation>新增消費</translation>
    </message>
    <message>
        <source>Add purchase — {name}</source>
        <translation>新增消費 — {name}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通路</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小計</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>新增商品(&amp;A)</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>幣別(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>通路(&amp;H)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation>儲存消費</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>check item {numbers}</source>
        <translation>請檢查第 {numbers} 項</translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation>至少新增一項商品</translation>
    </message>
    <message>
        <source>the total cannot be more than {limit}</source>
        <translation>總額不能超過 {limit}</translation>
    </message>
    <message>
        <source>Total  {amount}</source>
        <translation>合計  {amount}</translation>
    </message>
    <message>
        <source>To save: {problems}.</source>
        <translation>儲存前請：{problems}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>無法儲存：{error}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理時間</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事情經過</translation>
    </message>
</context>
<context>
    <name>RecoverDrafts</name>
    <message>
        <source>Recover unsaved complaints</source>
        <extracomment>How often the owner&apos;s promises are checked for &quot;due soon&quot; / &quot;overdue&quot;.</extracomment>
        <translation>恢復未儲存的客訴</translation>
    </message>
    <message>
        <source>1 complaint was being typed when the console last closed.</source>
        <translation>上次關閉服務台時，有 1 件客訴正在填寫。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaints were being typed when the console last closed.</source>
        <translation>
            <numerusform>上次關閉服務台時，有 %n 件客訴正在填寫。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen them to finish and save; nothing typed was lost.</source>
        <translation>重新開啟即可填完並儲存；已輸入的內容沒有丟失。</translation>
    </message>
    <message>
        <source>Unsaved complaints</source>
        <translation>未儲存的客訴</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新開啟(&amp;R)</translation>
    </message>
    <message>
        <source>Reopen the selected complaint</source>
        <translation>重新開啟所選客訴</translation>
    </message>
    <message>
        <source>Reopen &amp;all</source>
        <translation>全部重新開啟(&amp;A)</translation>
    </message>
    <message>
        <source>Reopen all complaints</source>
        <translation>重新開啟全部客訴</translation>
    </message>
    <message>
        <source>&amp;Discard selected</source>
        <translation>放棄所選(&amp;D)</translation>
    </message>
    <message>
        <source>Discard the selected complaint</source>
        <translation>放棄所選客訴</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍後(&amp;L)</translation>
    </message>
    <message>
        <source>Keep them for later</source>
        <translation>留待以後處理</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培訓師</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理員</translation>
    </message>
</context>
<context>
    <name>SavingDialog</name>
    <message>
        <source>{reason} ({count} more to correct)</source>
        <translation>{reason}（另有 {count} 處需更正）</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>last visit {date}</source>
        <translation>上次來店 {date}</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚無來店紀錄</translation>
    </message>
</context>
<context>
    <name>ServerBadge</name>
    <message>
        <source>Team · server connected</source>
        <translation>團隊 · 已連線伺服器</translation>
    </message>
    <message>
        <source>Team · server lost</source>
        <translation>團隊 · 伺服器已中斷</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>The console server does not answer</source>
        <extracomment>While the server is away: ask again this often (ms). While it is there and the console is quiet: make sure now and then (ms).</extracomment>
        <translation>控制台伺服器沒有回應</translation>
    </message>
    <message>
        <source>The console server ({url}) does not answer. What is on screen stays, but nothing can be saved until it is back. Trying again by itself…</source>
        <translation>控制台伺服器（{url}）沒有回應。畫面上的內容會保留，但在恢復連線之前無法儲存任何內容。正在自動重試…</translation>
    </message>
    <message>
        <source>Console server status</source>
        <translation>控制台伺服器狀態</translation>
    </message>
    <message>
        <source>Try &amp;again now</source>
        <translation>立即重試(&amp;A)</translation>
    </message>
    <message>
        <source>Try to reach the console server again now</source>
        <translation>立即再次嘗試連線控制台伺服器</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Restore default</source>
        <extracomment>The customer-facing language a preview greeting is in, for each interface language.</extracomment>
        <translation>還原預設值</translation>
    </message>
    <message>
        <source>Restore the default of {label}</source>
        <translation>將{label}還原為預設值</translation>
    </message>
    <message>
        <source>Problem with {label}</source>
        <translation>{label}有問題</translation>
    </message>
    <message>
        <source>The computer&apos;s language</source>
        <translation>跟隨電腦的語言</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Complaints &amp; loyalty</source>
        <translation>客訴與集點</translation>
    </message>
    <message>
        <source>Security &amp; backups</source>
        <translation>安全與備份</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low} to {high}.</source>
        <translation>{name}必須是 {low} 到 {high} 之間的整數。</translation>
    </message>
    <message>
        <source>{name} must be one of: {choices}.</source>
        <translation>{name}只能是下列之一：{choices}。</translation>
    </message>
    <message>
        <source>{name} must be yes or no.</source>
        <translation>{name}只能是「是」或「否」。</translation>
    </message>
    <message>
        <source>{name} cannot be empty: give up to {high} characters.</source>
        <translation>{name}不能空白，最多 {high} 個字元。</translation>
    </message>
    <message>
        <source>{name} must be text of up to {high} characters.</source>
        <translation>{name}必須是不超過 {high} 個字元的文字。</translation>
    </message>
    <message>
        <source>{name} can be at most {high} characters long.</source>
        <translation>{name}最多 {high} 個字元。</translation>
    </message>
    <message>
        <source>{name} cannot hold control characters or line breaks.</source>
        <translation>{name}不能包含控制字元或換行。</translation>
    </message>
    <message>
        <source>{name} must be a two-letter region code such as CN, HK, TW, GB or US.</source>
        <translation>{name}必須是兩個字母的地區代碼，例如 CN、HK、TW、GB 或 US。</translation>
    </message>
    <message>
        <source>{name} must be a time zone such as Asia/Shanghai or Europe/London, or empty for the computer&apos;s own.</source>
        <translation>{name}必須是時區名稱，例如 Asia/Taipei 或 Europe/London；空白則使用電腦的時區。</translation>
    </message>
    <message>
        <source>{name} must be an IP address to listen on, such as 127.0.0.1 or ::1.</source>
        <translation>{name}必須是要監聽的 IP 位址，例如 127.0.0.1 或 ::1。</translation>
    </message>
    <message>
        <source>The store&apos;s name, as visits and complaints record it.</source>
        <translation>門市名稱，來店紀錄和客訴都會記下。</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>門市名稱</translation>
    </message>
    <message>
        <source>The store&apos;s time zone (e.g. Asia/Shanghai) for greetings, promises, follow-ups and report periods; empty: the computer&apos;s own.</source>
        <translation>門市所在時區（例如 Asia/Taipei），用於問候語、承諾時間、回訪和報表期間；空白則使用電腦的時區。</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <source>Region for phone numbers typed without a +country code (e.g. CN, HK, TW).</source>
        <translation>輸入電話號碼時未加 +國碼 時使用的地區（例如 CN、HK、TW）。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>Every Nth qualifying item is free.</source>
        <translation>每買滿第 N 件符合條件的商品即可免費獲得一件。</translation>
    </message>
    <message>
        <source>Reward every</source>
        <translation>每滿幾件兌換</translation>
    </message>
    <message>
        <source>The purchase category that earns a stamp (empty: every item).</source>
        <translation>可以集一點的商品類別（空白：所有商品）。</translation>
    </message>
    <message>
        <source>Stamp for each</source>
        <translation>集點類別</translation>
    </message>
    <message>
        <source>What the reward is, in the words staff say.</source>
        <translation>獎勵內容，用店員對顧客說的話來寫。</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>獎勵</translation>
    </message>
    <message>
        <source>Resolving a complaint schedules its follow-up call this many days later.</source>
        <translation>客訴解決後，隔幾天安排回訪電話。</translation>
    </message>
    <message>
        <source>Follow-up after (days)</source>
        <translation>回訪間隔（天）</translation>
    </message>
    <message>
        <source>&apos;We miss you&apos; after this many months without a visit.</source>
        <translation>顧客幾個月沒來時提示「好久不見」。</translation>
    </message>
    <message>
        <source>&apos;We miss you&apos; after (months)</source>
        <translation>「好久不見」間隔（月）</translation>
    </message>
    <message>
        <source>Visits that make a customer a good customer.</source>
        <translation>來店幾次算熟客。</translation>
    </message>
    <message>
        <source>Good customer after (visits)</source>
        <translation>熟客門檻（次）</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries are shown this many days ahead.</source>
        <translation>提前幾天顯示生日和紀念日。</translation>
    </message>
    <message>
        <source>Occasions ahead (days)</source>
        <translation>提前提醒紀念日（天）</translation>
    </message>
    <message>
        <source>The phrasebook (one per brand) that staff are checked against.</source>
        <translation>檢查店員用語時使用的話術手冊（每個品牌一本）。</translation>
    </message>
    <message>
        <source>Active phrasebook</source>
        <translation>目前話術手冊</translation>
    </message>
    <message>
        <source>Lock the console after this many idle minutes (0: never).</source>
        <translation>閒置幾分鐘後鎖定主控台（0：永不）。</translation>
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation>閒置鎖定（分鐘）</translation>
    </message>
    <message>
        <source>Take a scheduled backup this often (0 turns them off).</source>
        <translation>排程備份的間隔（0 表示關閉）。</translation>
    </message>
    <message>
        <source>Back up every (hours)</source>
        <translation>備份間隔（小時）</translation>
    </message>
    <message>
        <source>How many scheduled backups to keep.</source>
        <translation>保留幾份排程備份。</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留備份數</translation>
    </message>
    <message>
        <source>Where this computer puts backups (empty: &apos;backups&apos; beside the database).</source>
        <translation>這台電腦存放備份的資料夾（空白：資料庫旁的 backups 資料夾）。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>備份資料夾</translation>
    </message>
    <message>
        <source>The screen language on this computer before anyone signs in (empty: the system&apos;s); after sign-in each person&apos;s own language applies.</source>
        <translation>這台電腦在無人登入時的介面語言（空白：跟隨系統）；登入後使用每個人自己的語言。</translation>
    </message>
    <message>
        <source>Language before sign-in</source>
        <translation>登入前的語言</translation>
    </message>
    <message>
        <source>Listen for call events from the phone system.</source>
        <translation>接收電話系統的來電事件。</translation>
    </message>
    <message>
        <source>Phone listener on</source>
        <translation>開啟來電監聽</translation>
    </message>
    <message>
        <source>Port of the call-event listener (--cti-port overrides).</source>
        <translation>來電事件監聽的連接埠（--cti-port 優先）。</translation>
    </message>
    <message>
        <source>Listener port</source>
        <translation>監聽連接埠</translation>
    </message>
    <message>
        <source>Address the call-event listener binds to; anything but 127.0.0.1 or ::1 accepts calls from the network.</source>
        <translation>來電事件監聽綁定的位址；除 127.0.0.1 或 ::1 外，都會接受來自網路的事件。</translation>
    </message>
    <message>
        <source>Listener address</source>
        <translation>監聽位址</translation>
    </message>
    <message>
        <source>This console&apos;s agent as the phone system names it.</source>
        <translation>電話系統中這台主控台對應的專員名稱。</translation>
    </message>
    <message>
        <source>Phone agent</source>
        <translation>電話專員</translation>
    </message>
    <message>
        <source>This console&apos;s phone extension; empty: pop every call.</source>
        <translation>這台主控台的分機號碼；空白：所有來電都彈出。</translation>
    </message>
    <message>
        <source>Phone extension</source>
        <translation>分機號碼</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings</source>
        <extracomment>A value was changed (the option&apos;s key), after it was saved and audited.</extracomment>
        <translation>設定</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>頁面</translation>
    </message>
    <message>
        <source>Only an admin can change settings; you can see the values here.</source>
        <translation>只有管理員可以修改設定；你可以在這裡查看目前的值。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Only an admin can change settings.</source>
        <translation>只有管理員可以修改設定。</translation>
    </message>
    <message>
        <source>Saved: {label}.</source>
        <translation>已儲存：{label}。</translation>
    </message>
    <message>
        <source>{label} is back to its default.</source>
        <translation>{label}已還原為預設值。</translation>
    </message>
    <message>
        <source>It is {time} there now: “{greeting}”</source>
        <translation>當地現在是 {time}：「{greeting}」</translation>
    </message>
    <message>
        <source>The rule in words: {rule} (reward: {reward}).</source>
        <translation>規則：{rule}（獎勵：{reward}）。</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>DEMO — Service Console (made-up customers) — sign in</source>
        <translation>示範 — 服務台（虛構客戶）— 登入</translation>
    </message>
    <message>
        <source>Service Console — sign in</source>
        <translation>服務控制台 — 登入</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN 碼或密碼</translation>
    </message>
    <message>
        <source>PIN or password again</source>
        <translation>再次輸入 PIN 碼或密碼</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 碼(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>確認 PIN 碼(&amp;A)</translation>
    </message>
    <message>
        <source>Welcome. Create the first account — it will be the admin.</source>
        <translation>歡迎使用。請建立第一個帳號，它將成為管理員帳號。</translation>
    </message>
    <message>
        <source>Create account and sign in</source>
        <translation>建立帳號並登入</translation>
    </message>
    <message>
        <source>Create the admin account and sign in</source>
        <translation>建立管理員帳號並登入</translation>
    </message>
    <message>
        <source>A PIN has 4–8 digits (not 1234 or 1111); a password has 8 or more characters. The admin adds the other staff afterwards.</source>
        <translation>PIN 碼為 4–8 位數字（不能是 1234 或 1111）；密碼至少 8 個字元。之後由管理員新增其他員工。</translation>
    </message>
    <message>
        <source>Sign in to Service Console</source>
        <translation>登入服務控制台</translation>
    </message>
    <message>
        <source>Locked for a moment? Anyone can sign in here with their own PIN.</source>
        <translation>暫時鎖定了？任何員工都可以在這裡用自己的 PIN 碼登入。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出錯了：{error}</translation>
    </message>
    <message>
        <source>Type your name.</source>
        <translation>請輸入您的姓名。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>請輸入您的 PIN 碼。</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>兩次輸入的 PIN 碼不一致，請重新輸入。</translation>
    </message>
    <message>
        <source>An admin account exists now; sign in with it.</source>
        <translation>管理員帳號已存在，請用該帳號登入。</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>目前登入</translation>
    </message>
</context>
<context>
    <name>Situation</name>
    <message>
        <source>Greeting</source>
        <translation>問候</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>歡迎再次光臨</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Confirming understanding</source>
        <translation>確認理解</translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation>表示理解</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>致歉</translation>
    </message>
    <message>
        <source>Asking to wait</source>
        <translation>請客戶稍候</translation>
    </message>
    <message>
        <source>Thanks for patience</source>
        <translation>感謝耐心等待</translation>
    </message>
    <message>
        <source>Refusing politely</source>
        <translation>婉拒</translation>
    </message>
    <message>
        <source>Farewell</source>
        <translation>道別</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回訪電話</translation>
    </message>
    <message>
        <source>Any situation</source>
        <translation>任何場景</translation>
    </message>
</context>
<context>
    <name>StaffEditor</name>
    <message>
        <source>Staff account</source>
        <translation>員工帳號</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>新增員工</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>修改 {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Phone extension</source>
        <translation>電話分機</translation>
    </message>
    <message>
        <source>Call queues</source>
        <translation>來電隊列</translation>
    </message>
    <message>
        <source>The call queues they answer, separated by commas</source>
        <translation>其接聽的來電隊列，以逗號分隔</translation>
    </message>
    <message>
        <source>e.g. sales, support</source>
        <translation>例如：銷售, 售後</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN 碼或密碼</translation>
    </message>
    <message>
        <source>leave empty to keep the PIN</source>
        <translation>留空則保留原 PIN 碼</translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>帳號已啟用</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>儲存或取消</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>門市(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xtension</source>
        <translation>分機(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>隊列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 碼(&amp;P)</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>&amp;Staff</source>
        <translation>員工(&amp;S)</translation>
    </message>
    <message>
        <source>Lock / switch staff</source>
        <translation>鎖定 / 切換員工</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>員工帳號(&amp;A)…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>稽核紀錄(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Consoles…</source>
        <translation>控制台(&amp;C)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>設定(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Staff accounts</source>
        <translation>員工帳號</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>分機</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>隊列</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>新增員工</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
</context>
<context>
    <name>StoreQuestions</name>
    <message>
        <source>Your store</source>
        <extracomment>Emitted when the admin saved or skipped.</extracomment>
        <translation>你的門市</translation>
    </message>
    <message>
        <source>Tell the console about your store. You can change this later in Settings.</source>
        <translation>請填寫門市資料。之後可以在「設定」中修改。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the store&apos;s details</source>
        <translation>儲存門市資料</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>略過(&amp;K)</translation>
    </message>
    <message>
        <source>Skip: keep the defaults</source>
        <translation>略過：保留預設值</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>e.g. Xintiandi</source>
        <translation>例如：信義店</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <source>Regular</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>銀卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n週前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n個月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n年前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>No customers yet. Add the first one with Ctrl+N, or import your customer list (service-console import customers). To look around first, open a demo console with made-up customers: it keeps them in a database of its own.</source>
        <translation>還沒有客戶。按 Ctrl+N 新增第一位客戶，或匯入客戶名單（service-console import customers）。想先看看，可以開啟含虛構客戶的示範版服務台：這些客戶存放在獨立的資料庫裡。</translation>
    </message>
    <message>
        <source>Try with &amp;demo data</source>
        <translation>用示範資料試用(&amp;D)</translation>
    </message>
    <message>
        <source>Try with demo data: opens a demo console in a new window</source>
        <translation>用示範資料試用：在新視窗中開啟示範版服務台</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries</source>
        <translation>生日與紀念日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries coming up</source>
        <translation>即將到來的生日與紀念日</translation>
    </message>
    <message>
        <source>We miss you — good customers not seen for a while</source>
        <translation>好久不見 — 一段時間未來店的老顧客</translation>
    </message>
    <message>
        <source>Good customers not seen for a while</source>
        <translation>一段時間未來店的老顧客</translation>
    </message>
    <message>
        <source>Today, {weekday} {date}</source>
        <translation>今日：{date} {weekday}</translation>
    </message>
    <message>
        <source>{occasion} {when} — {name}</source>
        <translation>{when}{occasion} — {name}</translation>
    </message>
    <message>
        <source>No birthdays or anniversaries this week.</source>
        <translation>本週沒有生日或紀念日。</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n visit(s), last seen {ago}</source>
        <translation>
            <numerusform>{name} — 來店%n次，上次光臨：{ago}</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone we know well has been in recently.</source>
        <translation>熟客最近都來過。</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
</context>
</TS>
